import { KEY_ALGORITHM_LABELS } from "../pki/algorithms";
import { SENSU_VERSION_LABELS } from "../wizard/model";
import type { ResolvedPlan } from "../wizard/resolve";
import { agentDir, backendDir, OFFLINE_DIR, TLS_DIR } from "./file-names";
import { type ManifestEntry, OFFLINE_HOST } from "./manifest";
import { README_PATH, README_PURPOSE } from "./planned";

export interface CertificateDates {
  /** Path of the certificate inside the zip. */
  path: string;
  subject: string;
  notAfter: Date;
}

const mode = (m: number) => `0${m.toString(8)}`;
const day = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
const cell = (s: string) => s.replace(/\|/g, "\\|");

function installSteps(dir: string, host: string): string {
  return [
    "```sh",
    `# on ${host}, from the folder ${dir}/ of this bundle`,
    `sudo mkdir -p ${TLS_DIR}`,
    `sudo cp etc/sensu/tls/* ${TLS_DIR}/`,
    `sudo chown sensu:sensu ${TLS_DIR}/*.pem`,
    `sudo chmod 0644 ${TLS_DIR}/*.pem`,
    `sudo chmod 0400 ${TLS_DIR}/*-key.pem`,
    "```",
  ].join("\n");
}

/** The README at the root of the zip: generated from the manifest so it lists exactly what is there. */
export function bundleReadme(plan: ResolvedPlan, entries: readonly ManifestEntry[], dates: readonly CertificateDates[], generatedAt: Date): string {
  const lines: string[] = [];
  lines.push("# Sensu TLS bundle", "");
  lines.push(`Generated ${day(generatedAt)} by Sensu TLS Wizard, in the browser. Nothing here was sent anywhere.`, "");
  lines.push(`- Sensu Go: ${SENSU_VERSION_LABELS[plan.sensuVersion]}`);
  lines.push(`- Backends: ${plan.backends.map((b) => b.fqdn).join(", ")}`);
  lines.push(`- Agent certificates: ${plan.agents.map((a) => a.commonName).join(", ")}`);
  lines.push(`- Keys: ${KEY_ALGORITHM_LABELS[plan.leafAlgorithm]} (CA: ${KEY_ALGORITHM_LABELS[plan.ca.algorithm]})`);
  lines.push(
    plan.caLayout === "separate"
      ? "- CA layout: separate agent CA. Agent certificates are signed by agent-ca, which etcd does not trust, so an agent's certificate cannot open etcd."
      : "- CA layout: single CA, as in the guide. Any agent certificate is also accepted by etcd on port 2379 (etcd trusts the same CA and Sensu runs it without auth).",
  );
  lines.push("");
  lines.push(`## ${OFFLINE_DIR}/: KEEP OFFLINE`, "");
  lines.push(
    "This folder holds the CA private key(s). Whoever has them can issue certificates your cluster trusts. " +
      "Store it offline (an encrypted volume, a password manager, a hardware token), and never copy it to a backend or agent. " +
      "The guide's listings put ca-key.pem on every host; this bundle does not, and nothing Sensu runs needs it.",
    "",
  );
  lines.push("## Install, host by host", "");
  lines.push(
    "Copy each host's folder to that host and run its steps. Keys end up 0400 and owned by sensu; certificates 0644, " +
      "so the CA certificate stays readable for the trust store. (The guide's `chmod 400 *.pem` also works for Sensu, but makes ca.pem unreadable to other users.)",
    "",
  );
  for (const backend of plan.backends) {
    lines.push(`### Backend ${backend.name} (${backend.fqdn})`, "");
    lines.push(`Names in its certificate: ${backend.sans.map((s) => s.value).join(", ")}`, "");
    lines.push(installSteps(backendDir(backend.name), backend.fqdn), "");
  }
  for (const agent of plan.agents) {
    lines.push(`### Agents using the certificate "${agent.commonName}"`, "");
    lines.push(
      "Agent certificates carry no host names: an agent only ever presents its certificate as a client, and the backend checks the CA signature and the CN, never a host name. " +
        "The same folder may go to every agent that should authenticate as this CN.",
      "",
    );
    lines.push(installSteps(agentDir(agent.commonName), "each agent"), "");
  }
  lines.push("## Expiry", "");
  lines.push("| certificate | subject | expires |", "|---|---|---|");
  for (const d of dates) lines.push(`| ${cell(d.path)} | ${cell(d.subject)} | ${day(d.notAfter)} |`);
  lines.push("");
  lines.push(
    "Expired backend certificates take etcd down; expired agent certificates fail silently. Renew before these dates, one backend at a time, checking `sensuctl cluster health` between.",
    "",
  );
  lines.push("## Every file", "");
  lines.push("| file | install to | mode | what it is |", "|---|---|---|---|");
  lines.push(`| ${README_PATH} | | 0644 | ${README_PURPOSE} |`);
  for (const e of entries) {
    const to = e.host === OFFLINE_HOST ? "keep offline" : e.installTo ? `${e.installTo} on ${e.host}` : "";
    lines.push(`| ${cell(e.path)} | ${cell(to)} | ${mode(e.mode)} | ${cell(e.purpose)} |`);
  }
  lines.push("");
  lines.push("## Next", "");
  lines.push("Point backend.yml and agent.yml at these files as the Secure Sensu guide describes (etcd peer and client TLS, API and web UI, agent wss and mTLS).", "");
  return lines.join("\n");
}
