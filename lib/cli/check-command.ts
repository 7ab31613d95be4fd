import { readFiles, type TextFile } from "../files/read-files";
import { firstProblem } from "../sensu/connection";
import { crossCheck } from "../sensu/cross-check";
import { parseArgs } from "./args";
import { deploymentInput, wantedForCheck } from "./deployment";
import type { CliIo } from "./io";
import { json, type Output } from "./output";

export const CHECK_HELP = `Usage: sensu-tls check BUNDLE.zip|DIR [--json]

Checks every connection of a bundle, or of the folder it was unzipped to (after you changed it), the
way the wizard does before a download: each agent to each backend, etcd peers and clients, api-url,
sensuctl and the web UI. For each: the scheme, the CA that verifies the certificate, the host among its
names, key usage, and validity today. Private keys are never read.

  --json   print every connection as JSON
  --help   this text

Exit status: 0 every connection passes; 1 one fails (each printed with its reason); 2 bad input.`;

const SPEC = { values: [], flags: ["json", "help"] };
const INSTEAD = "a bundle zip made by Sensu TLS Wizard, or the folder it was unzipped to";

export async function runCheck(argv: readonly string[], io: CliIo, output: Output): Promise<number> {
  const parsed = parseArgs(argv, SPEC, "check");
  if (!parsed.ok) {
    output.err(`${parsed.message}\n`);
    return 2;
  }
  const { flags, positionals } = parsed.args;
  if (flags.has("help")) {
    output.out(`${CHECK_HELP}\n`);
    return 0;
  }
  const asJson = flags.has("json");
  const fail = (message: string) => {
    if (asJson) output.out(json({ ok: false, errors: [{ message }] }));
    else output.err(`${message}\n`);
    return 2;
  };
  const [target, ...extra] = positionals;
  if (!target || extra.length > 0) return fail("Give one bundle zip or folder: see sensu-tls check --help.");
  if (!io.exists(target)) return fail(`${target} does not exist.`);

  const directory = io.isDirectory(target);
  const loaded = directory ? await io.loadTree(target, wantedForCheck) : await io.loadFiles([target]);
  if (!loaded) return fail(`${target} could not be read as a folder.`);
  const files: TextFile[] = [];
  for (const read of readFiles(loaded, { instead: INSTEAD, unzip: !directory, entries: wantedForCheck })) {
    if (read.kind === "problem") return fail(read.problem.reason);
    if (read.kind === "zip") files.push(...read.files);
    if (read.kind === "text") files.push({ name: read.name, text: read.text });
  }
  const deployment = deploymentInput(new Map(files.map((f) => [f.name, f.text])), io.now());
  if (!deployment.ok) return fail(`${target}: ${deployment.message}`);
  const connections = await crossCheck(io.crypto, deployment.input);
  const failing = connections.filter((c) => c.status === "fail");
  if (asJson) {
    output.out(
      json({
        ok: failing.length === 0,
        hosts: deployment.hosts,
        connections: connections.map((c) => ({
          from: c.from,
          to: c.to,
          url: c.url,
          port: c.port,
          presented: c.presented,
          verifiedWith: c.verifiedWith,
          status: c.status,
          ...(c.note ? { note: c.note } : {}),
          checks: c.checks,
        })),
      }),
    );
  } else {
    for (const c of connections) {
      const detail =
        c.status === "fail" ? `: ${firstProblem(c) ?? ""}` : c.status === "note" ? `: ${c.note ?? ""}` : "";
      output.out(`${c.status.toUpperCase().padEnd(4)} ${c.from} -> ${c.to} ${c.url}${detail}\n`);
    }
    output.err(
      `${connections.length} connections between ${deployment.hosts.length} hosts: ${failing.length === 0 ? "all pass" : `${failing.length} fail`}.\n`,
    );
  }
  return failing.length === 0 ? 0 : 1;
}
