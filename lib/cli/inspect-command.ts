import { certificateSources, groupIdentical } from "../bundle/certificate-sources";
import { describeCertificates } from "../pki/describe-cert";
import { DAY_MS, formatUtc } from "../pki/format";
import { defaultInput } from "../wizard/model";
import { CRITICAL_FIELD, parseThresholds, WARNING_FIELD } from "../wizard/parse-renew";
import { parseArgs } from "./args";
import type { CliIo } from "./io";
import { json, type Output } from "./output";
import { issueLine, planIssues } from "./plan-fields";

export const INSPECT_HELP = `Usage: sensu-tls inspect BUNDLE.zip|FILE.pem... [--warn-days N] [--crit-days N] [--json]

Lists every certificate in a bundle zip or PEM files, soonest expiry first (each certificate once,
with every file it is in). Private keys are never read.

  --warn-days N   WARNING from N days before expiry (default 30)
  --crit-days N   CRITICAL from N days before expiry (default 7; fewer than --warn-days)
  --json          print the result as JSON
  --help          this text

Exit status, as the bundle's expiry checks: 0 all OK; 1 one expires within --warn-days; 2 one expires
within --crit-days or has expired, a file could not be read or holds no certificate, or bad input.`;

const SPEC = { values: ["warn-days", "crit-days"], flags: ["json", "help"] };
const OPTIONS = { [WARNING_FIELD]: "--warn-days", [CRITICAL_FIELD]: "--crit-days" };

type Level = "OK" | "WARNING" | "CRITICAL";
const EXIT: Record<Level, number> = { OK: 0, WARNING: 1, CRITICAL: 2 };

/** What `openssl x509 -checkend` decides: expiring within the window, to the second, not rounded to days. */
function levelOf(notAfter: Date, now: Date, warningDays: number, criticalDays: number): Level {
  const left = notAfter.getTime() - now.getTime();
  if (left <= criticalDays * DAY_MS) return "CRITICAL";
  return left <= warningDays * DAY_MS ? "WARNING" : "OK";
}

export async function runInspect(argv: readonly string[], io: CliIo, output: Output): Promise<number> {
  const parsed = parseArgs(argv, SPEC, "inspect");
  if (!parsed.ok) {
    output.err(`${parsed.message}\n`);
    return 2;
  }
  const { values, flags, positionals } = parsed.args;
  if (flags.has("help")) {
    output.out(`${INSPECT_HELP}\n`);
    return 0;
  }
  const asJson = flags.has("json");
  const fail = (lines: (string | { field: string; message: string })[]) => {
    const errors = lines.map((l) => (typeof l === "string" ? { message: l } : l));
    if (asJson) output.out(json({ ok: false, errors }));
    else for (const e of errors) output.err(`${issueLine(e)}\n`);
    return 2;
  };
  const defaults = defaultInput().renew;
  const renew = {
    warningDays: values.get("warn-days") ?? defaults.warningDays,
    criticalDays: values.get("crit-days") ?? defaults.criticalDays,
  };
  const thresholds = parseThresholds({ renew });
  if (!thresholds.ok) return fail(planIssues(thresholds.errors, defaultInput(), OPTIONS));
  if (positionals.length === 0)
    return fail(["Give a bundle zip or PEM files to inspect: see sensu-tls inspect --help."]);
  const missing = positionals.filter((p) => !io.exists(p) || io.isDirectory(p));
  if (missing.length > 0)
    return fail(missing.map((p) => `${p}: no such file (give a zip or PEM files, not a directory).`));

  const now = io.now();
  const sources = certificateSources(await io.loadFiles(positionals));
  const described = await describeCertificates(io.crypto, now, sources.files);
  const problems = [...sources.problems.map((p) => p.reason), ...described.skipped.map((s) => s.reason)];
  const { warningDays, criticalDays } = thresholds.value;
  const rows = groupIdentical(described.certificates).map(({ certificate: c, sources: files }) => ({
    level: levelOf(c.notAfter, now, warningDays, criticalDays),
    daysLeft: c.daysLeft,
    notAfter: c.notAfter,
    subject: c.subject,
    issuer: c.issuer,
    serial: c.serialHex,
    sha256: c.sha256,
    files,
  }));
  const worst = Math.max(0, ...rows.map((r) => EXIT[r.level]), problems.length > 0 ? 2 : 0);
  if (asJson) {
    output.out(
      json({
        ok: worst === 0,
        thresholds: { warningDays, criticalDays },
        certificates: rows.map((r) => ({ ...r, notAfter: r.notAfter.toISOString() })),
        problems,
        keysNotRead: sources.ignoredKeys,
      }),
    );
    return worst;
  }
  for (const r of rows) {
    const more = r.files.length > 1 ? ` (and ${r.files.length - 1} more)` : "";
    output.out(
      `${r.level.padEnd(8)} ${String(r.daysLeft).padStart(5)} days  ${formatUtc(r.notAfter)}  ${r.subject}  ${r.files[0] ?? ""}${more}\n`,
    );
  }
  for (const p of problems) output.err(`${p}\n`);
  if (sources.ignoredKeys.length > 0) output.err(`${sources.ignoredKeys.length} private key files left unread.\n`);
  output.err(
    `${rows.length} certificates; WARNING within ${warningDays} days, CRITICAL within ${criticalDays} days or expired.\n`,
  );
  return worst;
}
