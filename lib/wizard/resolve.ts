import { parseSan, type San, splitList } from "../pki/names";
import { certificateBlocks } from "../pki/pem";
import { X509Certificate } from "../pki/x509";
import type { CorporateLeafMaterial, ResolvedCa, ResolvedPlan } from "../plan/resolved-plan";
import { keyExists } from "../sensu/key-catalog";
import { stepsWithErrors } from "./check";
import { resolveSudoers } from "./check-assets";
import { backendSans } from "./check-backends";
import { resolveExpiryThresholds } from "./check-renew";
import { resolveRevocation } from "./check-revocation";
import { resolveUrlHost } from "./check-transport";
import { caValidityHours, checkLeafValidity, keepsAgentCa } from "./check-validity";
import { caAlgorithm, type WizardInput } from "./model";
import { serializeInput } from "./persist";
import type { StepId } from "./steps";
import { corporateStems } from "./verify-corporate";

function firstIp(ips: string): string | undefined {
  const [first] = splitList(ips);
  const parsed = first === undefined ? undefined : parseSan(first);
  return parsed?.ok ? parsed.san.value : undefined;
}

function loadedCa(e: WizardInput["ca"]["existing"]): ResolvedCa | null {
  const check = e.check;
  if (!check?.ok || !check.algorithm) return null;
  return {
    commonName: check.commonName,
    validityHours: 0,
    algorithm: check.algorithm,
    existing: { certPem: e.certPem, keyPem: e.keyPem },
  };
}

/** The CA and agent CA: loaded ones where the user gave them, new ones otherwise; null if not ready. */
function corporateCa(pem: string, algorithm: ResolvedCa["algorithm"]): ResolvedCa | null {
  const [block] = certificateBlocks(pem);
  if (!block) return null;
  let commonName = "your organization's CA";
  try {
    commonName = new X509Certificate(block).subjectName.getField("CN")[0] ?? commonName;
  } catch {
    return null;
  }
  return { commonName, validityHours: 0, algorithm, corporatePem: pem };
}

function resolveCas(input: WizardInput): { ca: ResolvedCa; agentCa?: ResolvedCa } | null {
  if (input.ca.source === "corporate") {
    const ca = corporateCa(input.ca.corporate.caPem, input.plan.keyAlgorithm);
    if (!ca) return null;
    if (input.plan.caLayout !== "separate") return { ca };
    const agentCa = corporateCa(input.ca.corporate.agentCaPem, input.plan.keyAlgorithm);
    return agentCa ? { ca, agentCa } : null;
  }
  const hours = caValidityHours(input);
  const fresh = (commonName: string): ResolvedCa | null =>
    hours === null ? null : { commonName, validityHours: hours, algorithm: caAlgorithm(input) };
  const ca = input.ca.source === "existing" ? loadedCa(input.ca.existing) : fresh(input.ca.commonName);
  if (!ca) return null;
  if (input.plan.caLayout !== "separate") return { ca };
  const agentCa = keepsAgentCa(input) ? loadedCa(input.ca.agentExisting) : fresh(input.ca.agentCaCommonName);
  return agentCa ? { ca, agentCa } : null;
}

function corporateMaterial(input: WizardInput): Record<string, CorporateLeafMaterial> | undefined {
  const c = input.ca.corporate;
  if (input.ca.source !== "corporate" || c.files.length === 0 || !c.check) return undefined;
  const out: Record<string, CorporateLeafMaterial> = {};
  for (const s of corporateStems(input)) {
    const leaf = c.check.leaves[s.stem];
    if (!leaf?.ok) return undefined;
    out[s.stem] = { chainPem: leaf.chainPem, keyPem: leaf.keyPem, csrPem: leaf.csrPem };
  }
  return out;
}

export type ResolveResult = { ok: true; plan: ResolvedPlan } | { ok: false; steps: StepId[] };

export function resolvePlan(input: WizardInput, now: Date): ResolveResult {
  const steps = stepsWithErrors(input, now);
  const backendHours = checkLeafValidity(input.backends.validityHours, input, now);
  const agentHours = checkLeafValidity(input.agents.validityHours, input, now, "agent");
  const cas = resolveCas(input);
  if (steps.length > 0 || !cas || !backendHours.ok || !agentHours.ok) return { ok: false, steps };
  const { ca, agentCa } = cas;
  const apiHost = parseSan(input.api.apiUrlHost);
  const hosts = input.backends.rows.map((row) => resolveUrlHost(input, row));
  const urlHosts = hosts.flatMap((h) => (h.ok ? [h.san] : []));
  const sudoers = resolveSudoers(input);
  const expiry = resolveExpiryThresholds(input);
  if (!apiHost.ok || urlHosts.length !== hosts.length || sudoers === null || !expiry.ok) return { ok: false, steps };
  const dashboardNames = splitList(input.api.dashboardNames).flatMap((n) => {
    const p = parseSan(n);
    return p.ok ? [p.san] : [];
  });
  return {
    ok: true,
    plan: {
      sensuVersion: input.plan.sensuVersion,
      caLayout: input.plan.caLayout,
      leafAlgorithm: input.plan.keyAlgorithm,
      ca,
      agentCa,
      backends: input.backends.rows.map((row, i) => ({
        name: row.name.trim(),
        fqdn: row.fqdn.trim(),
        sans: backendSans(row).sans,
        ip: firstIp(row.ips),
        urlHost: urlHosts[i] as San,
      })),
      backendValidityHours: backendHours.hours,
      agents: input.agents.rows.map((row) => ({ commonName: row.commonName })),
      agentValidityHours: agentHours.hours,
      tlsDir: input.plan.tlsDir,
      etcd: { token: input.etcd.clusterToken.trim(), state: input.etcd.clusterState },
      api: {
        urlHost: apiHost.san,
        dashboard:
          input.api.dashboard === "issue" && dashboardNames[0]
            ? { mode: "issue", commonName: dashboardNames[0].value, sans: dashboardNames }
            : input.api.dashboard === "file"
              ? {
                  mode: "file",
                  certPath: input.api.dashboardCertPath.trim(),
                  keyPath: input.api.dashboardKeyPath.trim(),
                }
              : { mode: "shared" },
      },
      mtls: { ...input.mtls },
      sudoers,
      corporateLeaves: corporateMaterial(input),
      revocation: resolveRevocation(input),
      savedInput: JSON.parse(serializeInput(input)) as WizardInput,
      revocationCheck: keyExists("backend", "enable-cert-revocation-check", input.plan.sensuVersion)
        ? input.revocation.check === "on"
        : undefined,
      expiry: expiry.value,
    },
  };
}
