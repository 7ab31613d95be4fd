import type { Bundle } from "../bundle/bundle";
import { generateBundle } from "../bundle/generate";
import { formatUtc } from "../pki/format";
import type { FieldIssue } from "../plan/issues";
import { firstProblem } from "../sensu/connection";
import { readAgentList } from "../wizard/agent-list";
import { ASSETS_READER } from "../wizard/assets-reader";
import { type CaChecks, existingCaKey, NO_CA_CHECKS, withExistingCheck } from "../wizard/ca-checks";
import { CA_PEM_READER } from "../wizard/ca-pem-reader";
import type { ExistingCaInput, WizardInput } from "../wizard/model";
import { parseWizard } from "../wizard/parse";
import { agentNameRules } from "../wizard/parse-agents";
import { parsePlanFile, type PlanFile } from "../wizard/plan-file";
import { resumeRotation } from "../wizard/resume-rotation";
import { STEPS } from "../wizard/steps";
import { replaceAgents } from "../wizard/update";
import { verifyExistingCa } from "../wizard/verify-existing-ca";
import { parseArgs } from "./args";
import type { CliIo } from "./io";
import { json, type Output } from "./output";
import { issueLine, planIssues } from "./plan-fields";
import { CLEAR_LINE, progressLine } from "./progress";
import { readOptionText } from "./read-inputs";

export const BUNDLE_HELP = `Usage: sensu-tls bundle --plan FILE --out FILE [options]

Issues every certificate of a plan file (sensu-tls-plan.json from a bundle) and writes the same bundle
the wizard makes: the same files, backend.yml, agent.yml, install.sh and README. Every connection is
checked first; if one fails, no zip is written.

  --plan FILE            the plan file (JSON or YAML), e.g. sensu-tls-plan.json from an earlier bundle
  --out FILE             the zip to write, mode 0600
  --ca-cert FILE         sign with this existing CA certificate (with --ca-key); else a new CA is made
  --ca-key FILE          its private key (PKCS#8, PKCS#1 or SEC1, unencrypted)
  --agent-ca-cert FILE   separate-CA layout: keep this agent CA (with --agent-ca-key)
  --agent-ca-key FILE    its private key
  --agents FILE          replace the plan's agent certificates: one CN per line, or a CSV with a cn column
  --ansible              add the ansible/ folder for the sensu.sensu_go roles (also when the plan asks)
  --force                replace --out if it exists
  --json                 print the result as JSON
  --help                 this text

Exit status: 0 written; 1 a connection failed the cross-check (nothing written); 2 bad input, named by
its plan field (for example backends[1].ips) or option.`;

const SPEC = {
  values: ["plan", "out", "ca-cert", "ca-key", "agent-ca-cert", "agent-ca-key", "agents"],
  flags: ["ansible", "force", "json", "help"],
};

/** The loaded CAs' fields are named by the options they came from. */
const CA_OPTIONS: Record<string, string> = {
  "ca.existing.certPem": "--ca-cert",
  "ca.existing.keyPem": "--ca-key",
  "ca.agentExisting.certPem": "--agent-ca-cert",
  "ca.agentExisting.keyPem": "--agent-ca-key",
};

type Step<T> = { ok: true; value: T } | { ok: false; lines: string[] };
const fail = (...lines: string[]): { ok: false; lines: string[] } => ({ ok: false, lines });

/** A CA pair from two options: both or neither. */
async function caPair(
  io: CliIo,
  values: Map<string, string>,
  cert: string,
  key: string,
): Promise<Step<{ pair: ExistingCaInput; keyFile: string } | null>> {
  const [certPath, keyPath] = [values.get(cert), values.get(key)];
  if (!certPath && !keyPath) return { ok: true, value: null };
  if (!certPath || !keyPath)
    return fail(`--${certPath ? key : cert}: give the certificate and its key together (--${cert} and --${key}).`);
  const certText = await readOptionText(io, `--${cert}`, certPath, "the CA certificate (PEM)");
  if (!certText.ok) return fail(certText.message);
  const keyText = await readOptionText(io, `--${key}`, keyPath, "the CA's private key (PEM)");
  if (!keyText.ok) return fail(keyText.message);
  return { ok: true, value: { pair: { certPem: certText.text, keyPem: keyText.text }, keyFile: keyPath } };
}

/** The plan file's input with what the options change, and the CA checks the page would have made. */
async function inputFromOptions(
  io: CliIo,
  values: Map<string, string>,
  flags: Set<string>,
  plan: PlanFile,
  now: Date,
): Promise<Step<{ input: WizardInput; caChecks: CaChecks; notes: string[] }>> {
  // As the page's plan-file loader does: a rotation's plan file goes on to its next phase.
  let input: WizardInput = resumeRotation(plan.input, plan.caFingerprints);
  const notes: string[] = [];
  const agentsPath = values.get("agents");
  if (agentsPath) {
    const text = await readOptionText(
      io,
      "--agents",
      agentsPath,
      "a text or CSV file with one agent certificate CN per line",
    );
    if (!text.ok) return fail(text.message);
    // The Agents step's own reader and rule: the same lines are refused with the same reasons.
    const list = readAgentList(text.text, agentNameRules(input), /\.csv$/i.test(agentsPath));
    if (list.problems.length > 0)
      return fail(list.problems.map((p) => `--agents: ${agentsPath}: line ${p.line}: ${p.message}`).join("\n"));
    if (list.names.length === 0)
      return fail(`--agents: ${agentsPath}: the list holds no agent name: put one certificate CN per line.`);
    input = replaceAgents(input, list.names);
  }
  if (flags.has("ansible")) input = { ...input, plan: { ...input.plan, ansible: true } };
  const ca = await caPair(io, values, "ca-cert", "ca-key");
  if (!ca.ok) return ca;
  const agentCa = await caPair(io, values, "agent-ca-cert", "agent-ca-key");
  if (!agentCa.ok) return agentCa;
  if (agentCa.value && !ca.value)
    return fail("--agent-ca-cert: keeping the agent CA needs the CA too (--ca-cert, --ca-key).");
  if (agentCa.value && input.plan.caLayout !== "separate")
    return fail("--agent-ca-cert: plan.caLayout is single: there is no agent CA to keep.");
  let caChecks = NO_CA_CHECKS;
  if (ca.value) {
    const { caFingerprints } = plan;
    input = {
      ...input,
      ca: {
        ...input.ca,
        source: "existing",
        existing: ca.value.pair,
        // As on the page: an agent CA the plan kept is asked for again, else a new one is made.
        agentExisting: agentCa.value?.pair ?? input.ca.agentExisting,
        expectedFingerprints: { ca: caFingerprints.ca, agentCa: caFingerprints.agentCa ?? "" },
      },
    };
    for (const [loaded, keyFile] of [
      [ca.value.pair, ca.value.keyFile],
      ...(agentCa.value ? [[agentCa.value.pair, agentCa.value.keyFile] as const] : []),
    ] as const)
      caChecks = withExistingCheck(
        caChecks,
        existingCaKey(loaded),
        await verifyExistingCa(io.crypto, now, loaded, keyFile),
      );
  } else if (input.ca.source === "existing") {
    // The plan was made with a CA given on the page; without it here, a new one signs (and says so).
    input = { ...input, ca: { ...input.ca, source: "new" } };
    if (plan.caFingerprints.ca)
      notes.push(
        `No --ca-cert/--ca-key: a new CA is made. Hosts that trust the plan's CA (SHA-256 ${plan.caFingerprints.ca.slice(0, 23)}…) will not trust these certificates.`,
      );
  } else if (input.ca.source === "corporate") {
    notes.push(
      "The plan uses your organization's CA: this writes step 1, a key and a CSR per certificate. Load the signed certificates in the wizard's Create a CA step.",
    );
  }
  return { ok: true, value: { input, caChecks, notes } };
}

function summary(bundle: Bundle, out: string): string[] {
  const checked = bundle.connections.length;
  const first = bundle.expiries[0];
  return [
    `Wrote ${out} (0600): ${bundle.entries.length} files. Extract it with: unzip ${out}`,
    `Connections checked: ${checked}, none failing.`,
    ...(first ? [`First to expire: ${first.path}, ${formatUtc(first.notAfter)}.`] : []),
  ];
}

export async function runBundle(argv: readonly string[], io: CliIo, output: Output): Promise<number> {
  const parsed = parseArgs(argv, SPEC, "bundle");
  if (!parsed.ok) return usage(output, parsed.message);
  const { values, flags, positionals } = parsed.args;
  if (flags.has("help")) {
    output.out(`${BUNDLE_HELP}\n`);
    return 0;
  }
  const asJson = flags.has("json");
  const report = (code: number, lines: (string | FieldIssue)[], extra: Record<string, unknown> = {}) => {
    const errors = lines.map((l) => (typeof l === "string" ? { message: l } : l));
    if (asJson) output.out(json({ ok: code === 0, errors, ...extra }));
    else for (const e of errors) output.err(`${issueLine(e)}\n`);
    return code;
  };
  if (positionals.length > 0) return report(2, [`unexpected argument ${positionals[0]}: see sensu-tls bundle --help.`]);
  const planPath = values.get("plan");
  const outPath = values.get("out");
  if (!planPath) return report(2, ["--plan: give the plan file (sensu-tls-plan.json from a bundle)."]);
  if (!outPath) return report(2, ["--out: give the zip file to write."]);
  if (io.exists(outPath) && !flags.has("force"))
    return report(2, [`--out: ${outPath} exists. Pass --force to replace it, or choose another name.`]);
  const planText = await readOptionText(io, "--plan", planPath, "the sensu-tls-plan.json from a bundle");
  if (!planText.ok) return report(2, [planText.message]);
  const planFile = parsePlanFile(planText.text);
  if (!planFile.ok) return report(2, [`--plan: ${planPath}: ${planFile.message}`]);

  const now = io.now();
  const prepared = await inputFromOptions(io, values, flags, planFile.value, now);
  if (!prepared.ok) return report(2, prepared.lines);
  const { input, caChecks, notes } = prepared.value;
  const state = parseWizard(input, { now, caChecks, readCaPem: CA_PEM_READER, parseAssets: ASSETS_READER });
  const all = (kind: "errors" | "warnings"): FieldIssue[] => STEPS.flatMap((s) => state.steps[s.id][kind]);
  const warnings = planIssues(all("warnings"), input, CA_OPTIONS);
  if (!asJson)
    for (const line of [...notes, ...warnings.map((w) => `warning: ${issueLine(w)}`)]) output.err(`${line}\n`);
  if (!state.resolved.ok) return report(2, planIssues(all("errors"), input, CA_OPTIONS), { notes, warnings });

  const bundle = await generateBundle(io.crypto, now, state.resolved.plan, (p) => {
    if (output.errIsTty && !asJson) output.err(progressLine(p));
  });
  if (output.errIsTty && !asJson) output.err(CLEAR_LINE);
  const failing = bundle.connections.filter((c) => c.status === "fail");
  const connections = bundle.connections.map((c) => ({
    from: c.from,
    to: c.to,
    url: c.url,
    status: c.status,
    ...(c.status === "fail" ? { problem: firstProblem(c) } : {}),
  }));
  if (failing.length > 0)
    return report(
      1,
      [
        `No zip written: ${failing.length} of ${bundle.connections.length} connections would fail.`,
        ...failing.map((c) => `FAIL ${c.from} -> ${c.to} ${c.url}: ${firstProblem(c) ?? ""}`),
      ],
      { connections },
    );
  const written = io.writePrivate(outPath, bundle.zip, flags.has("force"));
  if (!written.ok) return report(written.message.includes("exists") ? 2 : 1, [`--out: ${written.message}`]);
  if (asJson)
    output.out(
      json({
        ok: true,
        out: outPath,
        notes,
        warnings,
        files: bundle.entries.map((e) => ({
          path: e.path,
          mode: `0${e.mode.toString(8)}`,
          kind: e.kind,
          purpose: e.purpose,
        })),
        connections,
        expiries: bundle.expiries.map((e) => ({
          path: e.path,
          subject: e.subject,
          notAfter: e.notAfter.toISOString(),
        })),
      }),
    );
  else output.out(`${summary(bundle, outPath).join("\n")}\n`);
  return 0;
}

export function usage(output: Output, message: string): number {
  output.err(`${message}\n`);
  return 2;
}
