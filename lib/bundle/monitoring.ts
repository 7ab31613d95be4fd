import type { ResolvedPlan } from "../plan/resolved-plan";
import {
  CA_SUBSCRIPTION,
  type CertificateHosts,
  type CheckConfig,
  checksJson,
  checksYaml,
  expiryChecks,
  type ExpiryTarget,
  expiryTargets,
} from "../sensu/expiry-checks";

/** The bundle's monitoring/ folder: expiry checks for `sensuctl create -f`, from a workstation. */
export const MONITORING_DIR = "monitoring";
export const EXPIRY_CHECKS_YAML = "expiry-checks.yaml";
export const EXPIRY_CHECKS_JSON = "expiry-checks.json";

const fileName = (path: string) => path.split("/").pop() ?? path;

/**
 * The hosts' certificates, plus the web UI certificate (it expires too): the one issued here, or
 * the one the user supplies, unless its file name would give two checks the same name.
 */
export function monitoredTargets(hosts: CertificateHosts): ExpiryTarget[] {
  const targets = expiryTargets(hosts);
  // Every backend serves the web UI with the certificate at the same path.
  const certPath = hosts.backends[0]?.paths.dashboardCert;
  if (certPath && !targets.some((t) => fileName(t.certPath) === fileName(certPath))) {
    targets.push({ role: "backend", certPath, subscriptions: hosts.backends.map((b) => `entity:${b.name}`) });
  }
  return targets;
}

/** One CheckConfig per backend and CA certificate and one for all agents, at the plan's thresholds. */
export function planExpiryChecks(plan: ResolvedPlan, hosts: CertificateHosts): CheckConfig[] {
  const checks = expiryChecks(monitoredTargets(hosts), plan.expiry);
  // The plan's thresholds are validated and its file names unique (check-renew, check-agents):
  // a refusal here is a bug, not something the user can fix.
  if (!checks.ok) throw new Error(`failed to build the expiry checks: ${checks.message}`);
  return checks.value;
}

export interface SubscriptionNote {
  subscription: string;
  /** The checks that use it. */
  checks: string[];
  /** Which agents need it, and whether Sensu adds it on its own. */
  where: string;
}

function where(subscription: string): string {
  if (subscription === CA_SUBSCRIPTION) {
    return `Add "${CA_SUBSCRIPTION}" to the subscriptions in agent.yml of the Sensu agent on each backend host: every backend holds the CA certificates these checks read, and the backends are where a CA renewal starts.`;
  }
  if (subscription.startsWith("entity:")) {
    const name = subscription.slice("entity:".length);
    return `Every agent subscribes to entity:<its name> on its own. This reaches the backend host ${name} only if a Sensu agent runs there with the entity name "${name}" (agent.yml name:); without one, nothing runs the check.`;
  }
  return `Add "${subscription}" to the subscriptions in agent.yml of every agent that got a certificate from this bundle: one check reads each agent's own certificate, installed at the same path on all of them.`;
}

/** Each subscription the checks use, which checks use it, and where it must be added. */
export function subscriptionNotes(checks: readonly CheckConfig[]): SubscriptionNote[] {
  const notes = new Map<string, SubscriptionNote>();
  for (const check of checks) {
    for (const s of check.spec.subscriptions) {
      const note = notes.get(s) ?? { subscription: s, checks: [], where: where(s) };
      note.checks.push(check.metadata.name);
      notes.set(s, note);
    }
  }
  return [...notes.values()];
}

export interface MonitoringFile {
  /** Path inside the zip. */
  path: string;
  content: string;
  purpose: string;
}

export function monitoringFiles(plan: ResolvedPlan, hosts: CertificateHosts): MonitoringFile[] {
  const checks = planExpiryChecks(plan, hosts);
  const when = `WARNING ${plan.expiry.warningDays} days, CRITICAL ${plan.expiry.criticalDays} days before expiry`;
  return [
    {
      path: `${MONITORING_DIR}/${EXPIRY_CHECKS_YAML}`,
      content: checksYaml(checks),
      purpose: `Sensu checks that alert before a certificate expires (${when}): one per backend and CA certificate, one for all agents; sensuctl create -f.`,
    },
    {
      path: `${MONITORING_DIR}/${EXPIRY_CHECKS_JSON}`,
      content: checksJson(checks),
      purpose: "The same expiry checks as JSON (sensuctl create -f).",
    },
  ];
}
