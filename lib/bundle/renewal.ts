import type { ResolvedPlan } from "../plan/resolved-plan";
import { expiryCheckName } from "../sensu/expiry-checks";
import { agentCaBundleSections, caBundleSections, caRunbook } from "./ca-runbook";
import type { HostLayouts } from "./host-layout";
import { fence, text } from "./markdown";
import { EXPIRY_CHECKS_YAML, MONITORING_DIR } from "./monitoring";
import type { RunbookSection } from "./runbook-section";

/** The renewal runbook: shown on the Renew step and written to the bundle as RENEWAL.md. */
export const RENEWAL_FILE = "RENEWAL.md";
export const RENEWAL_PURPOSE =
  "How to renew these certificates before they expire: backends one at a time, then agents.";

export type { RunbookSection } from "./runbook-section";

function backendSections(backends: HostLayouts<unknown>["backends"]): RunbookSection[] {
  const count = backends.length;
  return backends.map((host, i) => {
    const b = host.backend;
    const last = i === count - 1;
    const next = last
      ? "Then go on to the agents."
      : `Only when every member is healthy, go on to ${text(backends[i + 1]?.name ?? "")}.`;
    return {
      title: `Backend ${i + 1} of ${count}: ${b.name} (${b.fqdn})`,
      paragraphs: [
        count > 1
          ? `The other members keep etcd's quorum while ${text(b.name)} restarts. ${next}`
          : `A single backend: the cluster is down while it restarts. ${next}`,
      ],
      commands: [
        `# on ${b.fqdn}, from the new bundle's ${host.folder}/ folder`,
        "sudo bash install.sh",
        "sudo systemctl restart sensu-backend",
        `openssl x509 -noout -enddate -in ${host.paths.cert}`,
        "sensuctl cluster health",
      ],
    };
  });
}

function agentSections(agents: HostLayouts<unknown>["agents"]): RunbookSection[] {
  return agents.map((a) => ({
    title: `Agents using "${a.name}", after every backend`,
    paragraphs: [
      "On each agent host with this certificate. Agents keep trusting the backends throughout, because the new backend certificates come from the same CA.",
    ],
    commands: [
      `# on each agent host, from the new bundle's ${a.folder}/ folder`,
      "sudo bash install.sh",
      "sudo systemctl restart sensu-agent",
      "journalctl -u sensu-agent -n 50   # look for the wss connection to each backend",
    ],
  }));
}

/** The runbook for this plan and the bundle's host folders, section by section. */
export function renewalRunbook(plan: ResolvedPlan, hosts: HostLayouts<unknown>): RunbookSection[] {
  const { warningDays, criticalDays } = plan.expiry;
  const firstBackend = hosts.backends[0];
  return [
    ...caBundleSections(plan),
    ...agentCaBundleSections(plan),
    {
      title: "Why it cannot wait",
      paragraphs: [
        "Expired agent certificates fail silently: no error and no log message says so, the agent's events just stop arriving.",
        'Expired backend certificates take etcd down: the members refuse each other ("tls: bad certificate", then "certificate has expired or is not yet valid"), `sensuctl cluster health` fails, and a restarted backend cannot rejoin.',
        `The expiry checks in ${MONITORING_DIR}/${EXPIRY_CHECKS_YAML} warn ${warningDays} days and turn critical ${criticalDays} days before a certificate expires. Renew at the warning.`,
      ],
    },
    {
      title: "Issue new certificates with the same names",
      paragraphs: [
        "In the wizard, load your plan file on the Plan step and your CA on Create a CA, then generate on Review and download. The same plan gives the same names, SANs and file names, so each install.sh replaces the files in place (backing up the old ones) and backend.yml and agent.yml stay as they are.",
        "Keep the CA: certificates from the same CA are trusted by every member at once, which is what lets the backends change one at a time. Renewing or replacing the CA itself is another job: see “The CA itself” below.",
      ],
    },
    ...backendSections(hosts.backends),
    ...agentSections(hosts.agents),
    {
      title: "If backend certificates have already expired",
      paragraphs: [
        "etcd has lost its peers, so there is no healthy cluster to keep and one at a time cannot work. Install the new files on every backend, start them all within a minute of each other, then check the cluster.",
      ],
      commands: [
        "sudo bash install.sh            # on every backend, from its folder",
        "sudo systemctl restart sensu-backend   # on every backend",
        "sensuctl cluster health",
      ],
    },
    {
      title: "Afterwards",
      paragraphs: [
        "The expiry checks read the files on each host, so they turn OK at their next run. To see it now, run a check by hand:",
      ],
      commands: [
        ...(firstBackend ? [`sensuctl check execute ${expiryCheckName(firstBackend.paths.cert)}`] : []),
        "sensuctl event list",
      ],
    },
    ...caRunbook(plan, hosts),
  ];
}

/**
 * RENEWAL.md: the same sections as Markdown. Paragraphs are Markdown already (values escaped where
 * they are written, commands in backticks, which the page shows as code too); titles are plain
 * text, so they are escaped here.
 */
export function renewalMarkdown(plan: ResolvedPlan, hosts: HostLayouts<unknown>): string {
  const lines = ["# Renewing the certificates", ""];
  for (const section of renewalRunbook(plan, hosts)) {
    lines.push(`## ${text(section.title)}`, "");
    for (const p of section.paragraphs) lines.push(p, "");
    if (section.commands) lines.push(...fence("sh", section.commands), "");
  }
  return lines.join("\n");
}
