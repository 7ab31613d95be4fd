import { dump } from "js-yaml";

import type { AgentFiles, BackendFiles } from "../plan/host-files";

/**
 * Sensu checks that alert before a certificate expires. The guide's check runs
 * `openssl x509 -noout -enddate`, which always exits 0 and so never alerts (reference point 18);
 * these use `-checkend` and exit 1 (warning) or 2 (critical), as Sensu reads exit codes.
 */

export type CertRole = "backend" | "agent" | "ca";

export interface ExpiryTarget {
  role: CertRole;
  /** Absolute path of the certificate on the host that runs the check. */
  certPath: string;
  /**
   * Which agents run the check. Default by role: a backend certificate runs on `entity:<host>` (the
   * subscription every agent has, if its entity name is the plan's backend name); CA certificates
   * on `sensu-backend`, a subscription to add to the backends' agent.yml; agent certificates on
   * `agent-cert`, to add to every agent with a certificate from the bundle.
   */
  subscriptions: string[];
}

export interface ExpiryOptions {
  /** Days before expiry that the check turns WARNING (exit 1). Default 30. */
  warningDays?: number;
  /** Days before expiry that the check turns CRITICAL (exit 2). Default 7: time to renew one backend at a time. */
  criticalDays?: number;
  /** Seconds between runs. Default 43200 (12 h): expiry moves in days, and two runs a day still give a week's notice twice over. */
  intervalSeconds?: number;
  namespace?: string;
}

export interface CheckConfig {
  type: "CheckConfig";
  api_version: "core/v2";
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: { command: string; subscriptions: string[]; interval: number; timeout: number; publish: true };
}

export type ExpiryResult = { ok: true; value: CheckConfig[] } | { ok: false; message: string };

export const DEFAULT_WARNING_DAYS = 30;
export const DEFAULT_CRITICAL_DAYS = 7;
export const DEFAULT_INTERVAL_SECONDS = 43200;
export const CA_SUBSCRIPTION = "sensu-backend";
export const AGENT_CERT_SUBSCRIPTION = "agent-cert";
const DAY_SECONDS = 86400;

/** A string as one /bin/sh word: single-quoted, with ' written as '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The check command, for /bin/sh on the agent. Reads the end date first so a missing or unreadable
 * file is CRITICAL rather than "will expire"; every outcome prints one line with the date.
 */
export function expiryCommand(certPath: string, warningDays: number, criticalDays: number): string {
  const check = (seconds: number) => `! openssl x509 -noout -checkend ${seconds} -in "$f" >/dev/null`;
  return [
    `f=${shellQuote(certPath)}`,
    `end=$(openssl x509 -noout -enddate -in "$f" 2>&1) || { echo "CRITICAL: cannot read $f: $end"; exit 2; }`,
    `end=\${end#notAfter=}`,
    `if ${check(0)}; then echo "CRITICAL: $f expired on $end"; exit 2; fi`,
    `if ${check(criticalDays * DAY_SECONDS)}; then echo "CRITICAL: $f expires within ${criticalDays} days, on $end"; exit 2; fi`,
    `if ${check(warningDays * DAY_SECONDS)}; then echo "WARNING: $f expires within ${warningDays} days, on $end"; exit 1; fi`,
    `echo "OK: $f expires on $end"`,
  ].join("; ");
}

/** The check's name comes from the certificate's file name. Sensu names allow letters, digits, '_', '.' and '-' only. */
export function expiryCheckName(certPath: string): string {
  const file = certPath.split("/").pop() ?? certPath;
  return `cert-expiry-${file.replace(/\.pem$/, "").replace(/[^\w.-]/g, "-")}`;
}

function optionsProblem(warningDays: number, criticalDays: number, interval: number): string | null {
  if (!Number.isInteger(warningDays) || warningDays < 1)
    return "The warning threshold must be a whole number of days, at least 1.";
  if (!Number.isInteger(criticalDays) || criticalDays < 1)
    return "The critical threshold must be a whole number of days, at least 1.";
  if (criticalDays >= warningDays)
    return `The critical threshold (${criticalDays} days) must be fewer days than the warning threshold (${warningDays} days).`;
  if (!Number.isInteger(interval) || interval < 60)
    return "The interval must be a whole number of seconds, at least 60.";
  return null;
}

/** One CheckConfig per certificate. */
export function expiryChecks(targets: readonly ExpiryTarget[], options: ExpiryOptions = {}): ExpiryResult {
  const warning = options.warningDays ?? DEFAULT_WARNING_DAYS;
  const critical = options.criticalDays ?? DEFAULT_CRITICAL_DAYS;
  const interval = options.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS;
  const problem = optionsProblem(warning, critical, interval);
  if (problem) return { ok: false, message: problem };
  const checks = targets.map((t): CheckConfig => ({
    type: "CheckConfig",
    api_version: "core/v2",
    metadata: {
      name: expiryCheckName(t.certPath),
      namespace: options.namespace ?? "default",
      labels: { "cert-role": t.role },
    },
    spec: {
      command: expiryCommand(t.certPath, warning, critical),
      subscriptions: [...t.subscriptions],
      interval,
      timeout: 30,
      publish: true,
    },
  }));
  const names = checks.map((c) => c.metadata.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate)
    return {
      ok: false,
      message: `Two certificates would share the check name "${duplicate}"; give them different file names.`,
    };
  return { ok: true, value: checks };
}

/** Where certificates are installed: the bundle's backend and agent host folders, in plan order. */
export interface CertificateHosts {
  backends: readonly { name: string; paths: BackendFiles }[];
  agents: readonly { name: string; paths: AgentFiles }[];
}

/**
 * A check per certificate installed on the backends, at its install path, CA certificates once; one
 * check for all agents, which install their certificates at the same path (host-files.ts).
 */
export function expiryTargets(hosts: CertificateHosts): ExpiryTarget[] {
  const caPaths = new Set(hosts.backends.flatMap((h) => [h.paths.ca, ...(h.paths.agentCa ? [h.paths.agentCa] : [])]));
  return [
    ...[...caPaths].map((certPath): ExpiryTarget => ({ role: "ca", certPath, subscriptions: [CA_SUBSCRIPTION] })),
    ...hosts.backends.map((h): ExpiryTarget => ({
      role: "backend",
      certPath: h.paths.cert,
      subscriptions: [`entity:${h.name}`],
    })),
    ...mergeTargetsByPath(
      hosts.agents.map((h): ExpiryTarget => ({
        role: "agent",
        certPath: h.paths.cert,
        subscriptions: [AGENT_CERT_SUBSCRIPTION],
      })),
    ),
  ];
}

/**
 * One target per file, subscriptions joined in order: where every host keeps its certificate at the
 * same path (the Ansible role's /etc/sensu/api.crt), one check reaches them all.
 */
export function mergeTargetsByPath(targets: readonly ExpiryTarget[]): ExpiryTarget[] {
  const byPath = new Map<string, ExpiryTarget>();
  for (const t of targets) {
    const known = byPath.get(t.certPath);
    if (!known) byPath.set(t.certPath, { ...t, subscriptions: [...t.subscriptions] });
    else for (const s of t.subscriptions) if (!known.subscriptions.includes(s)) known.subscriptions.push(s);
  }
  return [...byPath.values()];
}

/** For `sensuctl create -f`: YAML documents separated by `---`. */
export function checksYaml(checks: readonly CheckConfig[]): string {
  return checks.map((c) => `---\n${dump(c, { lineWidth: -1 })}`).join("");
}

/** For `sensuctl create -f`, which reads JSON objects one after another (not an array). */
export function checksJson(checks: readonly CheckConfig[]): string {
  return checks.map((c) => `${JSON.stringify(c, null, 2)}\n`).join("");
}
