import { KEY_ALGORITHM_LABELS } from "../pki/algorithms";
import { OFFLINE_DIR, SUDO_DIR } from "../plan/file-names";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { SENSU_VERSION_LABELS } from "../plan/sensu-version";
import { agentUserCommands } from "../sensu/agent-users";
import type { Connection } from "../sensu/connection";
import { sensuctlConfigure } from "../sensu/sensuctl";
import { trustStoreSteps } from "../sensu/trust-store";
import { COPY_SCRIPT_FILE } from "../sudoers/copy-script";
import { MODE_SUMMARY, SUDOERS_FILE } from "../sudoers/render";
import type { CertificateDates } from "./certificate-dates";
import { README_PATH, README_PURPOSE } from "./common-entries";
import { AGENT_USERS_PATH, type Manifest } from "./manifest";
import { type ManifestEntry, OFFLINE_HOST } from "./manifest-entry";
import { code, fence, row, text } from "./markdown";
import {
  EXPIRY_CHECKS_JSON,
  EXPIRY_CHECKS_YAML,
  MONITORING_DIR,
  planExpiryChecks,
  subscriptionNotes,
} from "./monitoring";
import { agentsLine, fleetConnections, fleetDates, fleetFileRows, isFleet } from "./readme-fleet";
import { RENEWAL_FILE } from "./renewal";

const mode = (m: number) => `0${m.toString(8)}`;
const day = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

function installSteps(dir: string, host: string): string {
  return fence("sh", [`# on ${host}: copy the folder ${dir}/ there, then from inside it`, "sudo bash install.sh"]).join(
    "\n",
  );
}

/** The CA certificate as the bundle holds it (inZip) and as install.sh puts it on every backend (installed). */
function trustStore(plan: ResolvedPlan, ca: { inZip: string; installed: string }): string[] {
  const lines = ["## Trust the CA on operators' machines", ""];
  lines.push(
    `So sensuctl and browsers accept the backends without prompts. install.sh copies ca.pem into the TLS directory for Sensu, but does not add it to the system trust store; on a workstation use the bundle's ${code(ca.inZip)}.`,
    "",
  );
  for (const step of trustStoreSteps(ca.installed, ca.inZip)) {
    lines.push(`### ${step.platform}`, "", ...fence(step.shell, step.commands), "", text(step.note), "");
  }
  lines.push(
    "Then point sensuctl at the cluster over https. The CA path must be absolute: on a workstation, from the unzipped bundle's folder; on a backend, the installed file:",
    "",
    ...fence("sh", [sensuctlConfigure(plan, `"$PWD/${ca.inZip}"`), sensuctlConfigure(plan, ca.installed)]),
    "",
  );
  return lines;
}

function agentMtls(plan: ResolvedPlan): string[] {
  if (!plan.mtls.enabled) {
    return [
      "## Agent authentication",
      "",
      "Agents keep authenticating with a user name and password (agent mTLS is off). Change the seeded agent password: `sensuctl user change-password agent --interactive`, and put the new one in each agent.yml (`password:`).",
      "",
    ];
  }
  const lines = ["## Agent mTLS authentication (commercial feature)", ""];
  lines.push(
    "agent.yml sets cert-file and key-file, so agents authenticate with their certificate and stop sending a password. " +
      "An open-source (unlicensed) backend then refuses them with 401: install a license first, or turn agent mTLS off in the wizard.",
    "",
  );
  if (plan.mtls.bindUsers) {
    lines.push(
      `Each agent CN gets its own Sensu user (${code(AGENT_USERS_PATH)}). Once every agent uses its certificate, from a workstation with sensuctl:`,
      "",
    );
    lines.push(...fence("sh", agentUserCommands(AGENT_USERS_PATH)), "");
  } else {
    lines.push(
      "Every agent certificate authenticates as the seeded agent user (group system:agents). Change that user's password, which still opens the agent port: `sensuctl user change-password agent --interactive`.",
      "",
    );
  }
  return lines;
}

/** The README at the root of the zip: generated from the manifest so it lists exactly what is there. */
function sudoSection(plan: ResolvedPlan, entries: readonly ManifestEntry[]): string[] {
  if (!plan.sudoers) return [];
  const has = (name: string) => entries.some((e) => e.path === `${SUDO_DIR}/${name}`);
  const lines = [`## sudo for dynamic runtime asset commands (${SUDO_DIR}/)`, ""];
  lines.push(`Rules mode: ${MODE_SUMMARY[plan.sudoers.mode].title}. ${MODE_SUMMARY[plan.sudoers.mode].grants}`, "");
  const warning = MODE_SUMMARY[plan.sudoers.mode].warning;
  if (warning) lines.push(`Warning: ${warning}`, "");
  lines.push(
    "On each agent that runs these checks, from the bundle's sudo/ folder. Check the file with visudo first: a sudoers file with a syntax error breaks sudo on the host.",
    "",
  );
  lines.push(
    ...fence("sh", [
      ...(has(COPY_SCRIPT_FILE)
        ? [`sudo sh ${COPY_SCRIPT_FILE}            # verifies each archive's sha512, installs the root-owned copies`]
        : []),
      `sudo visudo -c -f sudoers.d/${SUDOERS_FILE}`,
      `sudo install -o root -g root -m 0440 sudoers.d/${SUDOERS_FILE} /etc/sudoers.d/${SUDOERS_FILE}`,
    ]),
    "",
  );
  if (has("checks/sudo-checks.yaml"))
    lines.push("Then, from a workstation: `sensuctl create -f sudo/checks/sudo-checks.yaml` (or the .json file).", "");
  return lines;
}

function monitoringSection(plan: ResolvedPlan, manifest: Manifest): string[] {
  const yaml = `${MONITORING_DIR}/${EXPIRY_CHECKS_YAML}`;
  const lines = [`## Expiry checks (${MONITORING_DIR}/) and renewal (${RENEWAL_FILE})`, ""];
  lines.push(
    `${yaml} (and ${MONITORING_DIR}/${EXPIRY_CHECKS_JSON}, the same as JSON) holds one Sensu check per backend and CA certificate, and one for all agents: each agent installs its certificate as agent.pem, so the same check reads its own. ` +
      `Each runs \`openssl x509 -checkend\` on the host and exits 1 (WARNING) ${plan.expiry.warningDays} days and 2 (CRITICAL) ${plan.expiry.criticalDays} days before the certificate expires, or once it has. ` +
      "The guide's `openssl x509 -noout -enddate` check always exits 0, so it never alerts.",
    "",
  );
  lines.push(...fence("sh", [`sensuctl create -f ${yaml}`]), "");
  lines.push("A check runs only on agents with one of its subscriptions:", "");
  for (const note of subscriptionNotes(planExpiryChecks(plan, manifest.hosts)))
    lines.push(`- ${code(note.subscription)} (${note.checks.map(text).join(", ")}): ${text(note.where)}`);
  lines.push(
    "",
    `When they warn, follow ${RENEWAL_FILE}: new certificates with the same names, backends one at a time with \`sensuctl cluster health\` between, agents after.`,
    "",
  );
  return lines;
}

function ansibleSection(manifest: Manifest, checked: readonly Connection[]): string[] {
  if (!manifest.ansible) return [];
  const failed = checked.filter((c) => c.status === "fail").length;
  return [
    "## Or deploy with Ansible (ansible/)",
    "",
    "ansible/ deploys the same certificates with the sensu.sensu_go collection's roles: `ansible-playbook -i inventory.yml site.yml`, from inside it. " +
      "Its README says how to add agent hosts and encrypt the keys with ansible-vault. The roles copy the files to their own names under /etc/sensu, " +
      `so its backend.yml and agent.yml name those; its ${checked.length} connections were checked with them: ${failed === 0 ? "all passed" : `${failed} failed (listed below)`}.`,
    "",
  ];
}

function connectionTable(plan: ResolvedPlan, all: readonly Connection[]): string[] {
  const { listed: connections, passingAgents } = fleetConnections(plan, all);
  const lines = ["## Connections checked before download", ""];
  lines.push(
    "Each connection below was checked before this bundle was written, against the issued certificates and the settings in it: scheme, the CA the client verifies with, the host name among the SANs, key usage, and validity.",
    "",
  );
  lines.push("| from | to | URL | server certificate | verified with | result |", "|---|---|---|---|---|---|");
  for (const c of connections) {
    const result =
      c.status === "pass"
        ? "ok"
        : c.status === "note"
          ? `note: ${c.note ?? ""}`
          : `FAILED: ${c.checks.find((x) => !x.ok)?.detail ?? ""}`;
    lines.push(row([text(c.from), text(c.to), code(c.url), text(c.presented), text(c.verifiedWith), text(result)]));
  }
  if (passingAgents > 0)
    lines.push(
      row([
        `${plan.agents.length.toLocaleString("en-US")} agents`,
        `${plan.backends.length} backends`,
        "wss, port 8081",
        "each backend's certificate",
        "the CA in each agent folder",
        `ok: all ${passingAgents.toLocaleString("en-US")} connections`,
      ]),
    );
  lines.push("");
  return lines;
}

export function bundleReadme(
  plan: ResolvedPlan,
  manifest: Manifest,
  dates: readonly CertificateDates[],
  connections: readonly Connection[],
  generatedAt: Date,
  /** The connections as the Ansible tree configures them, when the bundle has one. */
  ansibleChecked: readonly Connection[] = [],
): string {
  const { entries, hosts } = manifest;
  const [first] = hosts.backends;
  if (!first) throw new Error("failed to write the README: the plan has no backend");
  const lines: string[] = [];
  lines.push("# Sensu TLS bundle", "");
  // The same words whether the browser or the command line made it: the two write identical bundles.
  lines.push(`Generated ${day(generatedAt)} by Sensu TLS Wizard, on this machine. Nothing here was sent anywhere.`, "");
  lines.push(`- Sensu Go: ${SENSU_VERSION_LABELS[plan.sensuVersion]}`);
  lines.push(`- Backends: ${plan.backends.map((b) => code(b.fqdn)).join(", ")}`);
  lines.push(agentsLine(plan));
  lines.push(`- Keys: ${KEY_ALGORITHM_LABELS[plan.leafAlgorithm]} (CA: ${KEY_ALGORITHM_LABELS[plan.ca.algorithm]})`);
  lines.push(
    plan.caLayout === "separate"
      ? "- CA layout: separate agent CA. Agent certificates are signed by agent-ca, which etcd does not trust, so an agent's certificate cannot open etcd."
      : "- CA layout: single CA, as in the guide. Any agent certificate is also accepted by etcd on port 2379 (etcd trusts the same CA and Sensu runs it without auth).",
  );
  lines.push("");
  lines.push(`## ${OFFLINE_DIR}/: KEEP OFFLINE`, "");
  if (plan.ca.corporatePem) {
    lines.push(
      `Signed by your organization's CA "${text(plan.ca.commonName)}": no CA key was ever in the wizard. Keep step 1's zip (the private keys) as safe as the host folders below.`,
      "",
    );
  } else if (plan.ca.existing) {
    lines.push(
      `Issued by your existing CA "${text(plan.ca.commonName)}"${plan.agentCa?.existing ? ` and agent CA "${text(plan.agentCa.commonName)}"` : ""}. Their private keys are not in this bundle: keep them where they were, offline.`,
      "",
    );
  }
  lines.push(
    "This folder holds the CA private key(s). Whoever has them can issue certificates your cluster trusts. " +
      "Store it offline (an encrypted volume, a password manager, a hardware token), and never copy it to a backend or agent. " +
      "The guide's listings put ca-key.pem on every host; this bundle does not, and nothing Sensu runs needs it.",
    "",
  );
  lines.push("## Install, host by host", "");
  lines.push(
    "Backends first, in the order below, then agents. Each host folder mirrors the host's file system and holds install.sh, which: refuses to run unless root; " +
      `copies the files into ${code(plan.tlsDir)} owned by sensu (keys 0400, certificates 0644, so ca.pem stays readable for the trust store); backs up every file it replaces; ` +
      "merges the TLS settings into the existing backend.yml or agent.yml, keeping all other settings (it stops before changing anything if the file uses YAML it cannot merge line by line); " +
      "checks the result parses as YAML; and prints the restart order. `SENSU_INSTALL_ROOT=/tmp/try bash install.sh` rehearses it in a scratch directory.",
    "",
  );
  for (const [i, host] of hosts.backends.entries()) {
    const backend = host.backend;
    lines.push(`### ${i + 1}. Backend ${code(backend.name)} (${code(backend.fqdn)})`, "");
    lines.push(`Names in its certificate: ${backend.sans.map((s) => code(s.value)).join(", ")}`, "");
    lines.push(installSteps(host.folder, backend.fqdn), "");
    lines.push(
      plan.backends.length === 1
        ? "Restart sensu-backend, then check `sensuctl cluster health`."
        : plan.etcd.state === "new"
          ? "Install on every member first; then start sensu-backend on all of them within a minute of each other (a new etcd cluster waits for a majority), and check `sensuctl cluster health`."
          : "Restart sensu-backend here, run `sensuctl cluster health`, and go on to the next backend only once every member is healthy.",
      "",
    );
  }
  const fleet = hosts.agents[0] && isFleet(plan) ? hosts.agents[0] : undefined;
  if (fleet) {
    lines.push(`### Agents (${plan.agents.length.toLocaleString("en-US")} certificates)`, "");
    lines.push(
      "Each agent certificate has its own folder under agents/, named by its CN and holding the same files under that name; agents/index.csv lists them all. " +
        "Agent certificates carry no host names: the backend checks the CA signature and the CN. Copy each agent its own folder, then on it:",
      "",
    );
    lines.push(installSteps("agents/<CN>", "each agent"), "");
    lines.push("Then `systemctl restart sensu-agent`; the agent connects over wss to every backend.", "");
  }
  for (const agent of fleet ? [] : hosts.agents) {
    lines.push(`### Agents using the certificate "${text(agent.name)}"`, "");
    lines.push(
      "Agent certificates carry no host names: an agent only ever presents its certificate as a client, and the backend checks the CA signature and the CN, never a host name. " +
        "The same folder may go to every agent that should authenticate as this CN.",
      "",
    );
    lines.push(installSteps(agent.folder, "each agent"), "");
    lines.push("Then `systemctl restart sensu-agent`; the agent connects over wss to every backend.", "");
  }
  if (plan.sudoers && plan.agents.length > 0)
    lines.push(
      `Agents that run the privileged checks also get the sudo rules from ${SUDO_DIR}/ (see below): run \`visudo -c -f\` on the file before installing it in /etc/sudoers.d.`,
      "",
    );
  lines.push(
    ...agentMtls(plan),
    ...ansibleSection(manifest, ansibleChecked),
    ...sudoSection(plan, entries),
    ...trustStore(plan, { inZip: manifest.operatorCa.path, installed: first.paths.ca }),
    ...connectionTable(plan, connections),
  );
  lines.push("## Expiry", "");
  lines.push("| certificate | subject | expires |", "|---|---|---|");
  for (const { date: d, more } of fleetDates(plan, dates)) {
    const path =
      more > 0 ? `${code(d.path)} and ${more.toLocaleString("en-US")} more agent certificates` : code(d.path);
    lines.push(row([path, code(d.subject), day(d.notAfter)]));
  }
  lines.push("");
  lines.push(
    "Expired backend certificates take etcd down; expired agent certificates fail silently. Renew before these dates, one backend at a time, checking `sensuctl cluster health` between.",
    "",
  );
  lines.push(...monitoringSection(plan, manifest));
  lines.push("## Every file", "");
  lines.push("| file | install to | mode | what it is |", "|---|---|---|---|");
  lines.push(row([code(README_PATH), "", "0644", text(README_PURPOSE)]));
  const files = fleetFileRows(plan, entries);
  for (const e of files.entries) {
    const to = e.host === OFFLINE_HOST ? "keep offline" : e.installTo ? `${code(e.installTo)} on ${text(e.host)}` : "";
    lines.push(row([code(e.path), to, mode(e.mode), text(e.purpose)]));
  }
  if (files.otherAgents > 0)
    lines.push(
      row([
        code("agents/<CN>/"),
        "on each agent",
        "",
        `The same files for each of the other ${files.otherAgents.toLocaleString("en-US")} agent certificates (agents/index.csv).`,
      ]),
    );
  lines.push("");
  return lines.join("\n");
}
