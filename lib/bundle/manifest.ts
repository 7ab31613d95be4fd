import {
  AGENT_CA_STEM,
  agentDir,
  backendDir,
  CA_CONFIG,
  CA_STEM,
  cfsslNames,
  OFFLINE_DIR,
  OPERATOR_DIR,
  SUDO_DIR,
} from "../plan/file-names";
import { agentFiles, backendFiles } from "../plan/host-files";
import { type CaFingerprints, planFileJson, planFileOf } from "../plan/plan-file";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { agentConfig } from "../sensu/agent-config";
import { agentUsersYaml } from "../sensu/agent-users";
import { backendConfig } from "../sensu/backend-config";
import { CONFIG_PATH, type HostConfig } from "../sensu/config-entry";
import { agentNextSteps, backendNextSteps } from "../sensu/restart-order";
import { configYaml } from "../sensu/yaml";
import { sudoersBundleFiles } from "../sudoers/bundle-files";
import { cfsslCaConfig } from "./ca-config";
import { installScript } from "./install-script";
import { monitoringFiles } from "./monitoring";
import { RENEWAL_FILE, RENEWAL_PURPOSE, renewalMarkdown } from "./renewal";

export type FileKind =
  "private-key" | "ca-private-key" | "certificate" | "csr" | "config" | "script" | "secret" | "document";

/** One file of the bundle. The file table, the zip, the README and the download test all read these. */
export interface ManifestEntry {
  /** Path inside the zip. */
  path: string;
  /** Unix mode recorded in the zip. */
  mode: number;
  kind: FileKind;
  content: string;
  /** What the file is, in one line. */
  purpose: string;
  /** Which host (or "offline") the file belongs to. */
  host: string;
  /** Absolute destination on that host, when it is installed. */
  installTo?: string;
}

export interface PemTriple {
  cert: string;
  key: string;
  csr: string;
}

/** Everything generated, keyed the way the plan names it. */
export interface IssuedPems {
  ca: PemTriple;
  agentCa?: PemTriple;
  backends: Map<string, PemTriple>;
  agents: Map<string, PemTriple>;
  dashboard?: PemTriple;
  /** Random passwords of the CN-bound agent users, by CN. */
  agentPasswords: Map<string, string>;
  /** SHA-256 fingerprints of the CA certificates, for the plan file. */
  caFingerprints: CaFingerprints;
  /** The revocation list to publish, when the plan has a CRL URL. */
  crl?: { stem: string; pem: string; url: string; count: number };
}

/** Private keys and secrets 0600 (owner only), scripts 0755, everything else 0644. install.sh tightens keys to 0400. */
export const KEY_MODE = 0o600;
export const PUBLIC_MODE = 0o644;
export const SCRIPT_MODE = 0o755;

export const OFFLINE_HOST = "offline";
export const OPERATOR_HOST = "operator";
export const SUDO_HOST = "agents that run privileged checks";
export const INSTALL_SCRIPT = "install.sh";
export const AGENT_USERS_FILE = "agent-users.yml";
/** At the zip's root: load it on the Plan step to renew with the same names. */
export const PLAN_FILE = "sensu-tls-plan.json";

function pemOf(map: Map<string, PemTriple>, name: string): PemTriple {
  const pems = map.get(name);
  if (!pems) throw new Error(`failed to build manifest: nothing was issued for ${name}`);
  return pems;
}

/** A host folder mirrors /: its files sit at their install path, and install.sh copies them. */
class HostFolder {
  readonly entries: ManifestEntry[] = [];
  constructor(
    private readonly dir: string,
    private readonly host: string,
  ) {}
  add(installTo: string, kind: FileKind, content: string, purpose: string): void {
    const mode = kind === "private-key" ? KEY_MODE : PUBLIC_MODE;
    this.entries.push({ path: `${this.dir}${installTo}`, mode, kind, content, purpose, host: this.host, installTo });
  }
  finish(config: HostConfig, tlsDir: string, nextSteps: string[], generatedAt: Date): ManifestEntry[] {
    const configPath = CONFIG_PATH[config.side];
    const header = [
      `${config.side}.yml TLS settings for ${config.host}, by Sensu TLS Wizard (${generatedAt.toISOString()}).`,
      "install.sh merges these keys into the existing file and keeps every other setting.",
    ];
    this.add(
      configPath,
      "config",
      configYaml(config, header),
      `TLS settings for ${config.host}; install.sh merges them into ${configPath}.`,
    );
    const files = this.entries
      .filter((e) => e.kind === "certificate" || e.kind === "private-key")
      .map((e) => ({
        installTo: e.installTo ?? "",
        mode: e.kind === "private-key" ? ("0400" as const) : ("0644" as const),
      }));
    const script = installScript({ config, tlsDir, files, nextSteps, generatedAt });
    this.entries.unshift({
      path: `${this.dir}/${INSTALL_SCRIPT}`,
      mode: SCRIPT_MODE,
      kind: "script",
      content: script,
      purpose: `Run on ${config.host} as root: installs the files, merges ${configPath}, prints the restart order.`,
      host: this.host,
    });
    return this.entries;
  }
}

export function buildManifest(plan: ResolvedPlan, pems: IssuedPems, generatedAt: Date): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  entries.push({
    path: PLAN_FILE,
    mode: PUBLIC_MODE,
    kind: "document",
    content: planFileJson(planFileOf(plan.savedInput, pems.caFingerprints)),
    purpose:
      "The plan: every input but the keys, and the CA fingerprints. Load it on the Plan step to renew or extend this deployment.",
    host: OFFLINE_HOST,
  });
  const offline = (name: string, kind: FileKind, content: string, purpose: string) =>
    entries.push({
      path: `${OFFLINE_DIR}/${name}`,
      mode: kind === "ca-private-key" ? KEY_MODE : PUBLIC_MODE,
      kind,
      content,
      purpose,
      host: OFFLINE_HOST,
    });

  const caFiles = cfsslNames(CA_STEM);
  const signs = plan.agentCa ? "every backend certificate" : "every backend and agent certificate";
  if (plan.ca.corporatePem) {
    offline(
      caFiles.cert,
      "certificate",
      pems.ca.cert,
      `Your organization's CA certificate(s): "${plan.ca.commonName}". Hosts trust it for backend certificates.`,
    );
  } else if (plan.ca.existing) {
    // The user's own CA: its key is theirs already, and copying it into another zip only spreads it.
    offline(
      caFiles.cert,
      "certificate",
      pems.ca.cert,
      `Your existing CA certificate: "${plan.ca.commonName}". Also in every host folder. Its key is not in this bundle.`,
    );
  } else {
    offline(
      caFiles.cert,
      "certificate",
      pems.ca.cert,
      `CA certificate: "${plan.ca.commonName}". Also in every host folder.`,
    );
    offline(caFiles.key, "ca-private-key", pems.ca.key, `CA private key. Signs ${signs}: never copy it to a host.`);
    offline(caFiles.csr, "csr", pems.ca.csr, "CA certificate signing request (for cross-signing). Not used by Sensu.");
  }
  if (!plan.ca.corporatePem)
    offline(
      CA_CONFIG,
      "config",
      cfsslCaConfig(plan.backendValidityHours, plan.agentValidityHours),
      "cfssl signing profiles (backend, agent), to keep issuing with cfssl. Not used by Sensu.",
    );
  const agentCaFiles = cfsslNames(AGENT_CA_STEM);
  if (plan.agentCa && pems.agentCa) {
    if (plan.agentCa.corporatePem) {
      offline(
        agentCaFiles.cert,
        "certificate",
        pems.agentCa.cert,
        `Your organization's agent CA certificate(s): "${plan.agentCa.commonName}". Backends verify agent certificates with it.`,
      );
    } else if (plan.agentCa.existing) {
      offline(
        agentCaFiles.cert,
        "certificate",
        pems.agentCa.cert,
        `Your existing agent CA certificate: "${plan.agentCa.commonName}". Its key is not in this bundle.`,
      );
    } else {
      offline(
        agentCaFiles.cert,
        "certificate",
        pems.agentCa.cert,
        `Agent CA certificate: "${plan.agentCa.commonName}". Signs agent certificates only.`,
      );
      offline(agentCaFiles.key, "ca-private-key", pems.agentCa.key, "Agent CA private key. Never copy it to a host.");
      offline(agentCaFiles.csr, "csr", pems.agentCa.csr, "Agent CA certificate signing request. Not used by Sensu.");
    }
  }
  if (pems.crl) {
    const revoked =
      pems.crl.count === 0
        ? "no certificates yet"
        : `${pems.crl.count} ${pems.crl.count === 1 ? "certificate" : "certificates"}`;
    offline(
      `${pems.crl.stem}.crl`,
      "document",
      pems.crl.pem,
      `Revocation list of ${pems.crl.stem}.pem (${revoked}). Publish it at ${pems.crl.url} before restarting the backends.`,
    );
  }
  for (const backend of plan.backends) {
    offline(
      cfsslNames(backend.fqdn).csr,
      "csr",
      pemOf(pems.backends, backend.fqdn).csr,
      `Certificate signing request for ${backend.fqdn}. Not used by Sensu.`,
    );
  }
  if (pems.dashboard)
    offline(
      "dashboard.csr",
      "csr",
      pems.dashboard.csr,
      "Certificate signing request of the web UI certificate. Not used by Sensu.",
    );
  for (const agent of plan.agents) {
    offline(
      cfsslNames(agent.commonName).csr,
      "csr",
      pemOf(pems.agents, agent.commonName).csr,
      `Certificate signing request for agent "${agent.commonName}". Not used by Sensu.`,
    );
  }

  for (const backend of plan.backends) {
    const folder = new HostFolder(backendDir(backend.name), backend.name);
    const files = backendFiles(plan, backend);
    const pem = pemOf(pems.backends, backend.fqdn);
    folder.add(
      files.ca,
      "certificate",
      pems.ca.cert,
      "CA certificate: verifies the other backends (etcd peers) and clients.",
    );
    if (files.agentCa && pems.agentCa && plan.mtls.enabled) {
      folder.add(
        files.agentCa,
        "certificate",
        pems.agentCa.cert,
        "Agent CA certificate: verifies agent certificates (agent-auth-trusted-ca-file).",
      );
    }
    folder.add(
      files.cert,
      "certificate",
      pem.cert,
      `Backend certificate for ${backend.fqdn}: API, agent websocket, etcd client and peer.`,
    );
    folder.add(files.key, "private-key", pem.key, `Private key of ${backend.fqdn}. Only the sensu user may read it.`);
    if (pems.dashboard && files.dashboardCert && files.dashboardKey && plan.api.dashboard.mode === "issue") {
      folder.add(
        files.dashboardCert,
        "certificate",
        pems.dashboard.cert,
        `Web UI certificate (${plan.api.dashboard.commonName}), served on port 3000.`,
      );
      folder.add(files.dashboardKey, "private-key", pems.dashboard.key, "Private key of the web UI certificate.");
    }
    entries.push(
      ...folder.finish(backendConfig(plan, backend), plan.tlsDir, backendNextSteps(plan, backend.name), generatedAt),
    );
  }
  for (const agent of plan.agents) {
    const folder = new HostFolder(agentDir(agent.commonName), `agents using "${agent.commonName}"`);
    const files = agentFiles(plan, agent.commonName);
    const pem = pemOf(pems.agents, agent.commonName);
    folder.add(files.ca, "certificate", pems.ca.cert, "CA certificate: verifies the backends the agent connects to.");
    const unused = plan.mtls.enabled ? "" : " Not referenced by agent.yml until agent mTLS is turned on.";
    folder.add(
      files.cert,
      "certificate",
      pem.cert,
      `Agent certificate (CN ${agent.commonName}), client authentication only.${unused}`,
    );
    folder.add(files.key, "private-key", pem.key, `Agent private key. Only the sensu user may read it.${unused}`);
    entries.push(...folder.finish(agentConfig(plan, agent.commonName), plan.tlsDir, agentNextSteps(), generatedAt));
  }
  if (plan.mtls.enabled && plan.mtls.bindUsers) {
    entries.push({
      path: `${OPERATOR_DIR}/${AGENT_USERS_FILE}`,
      mode: KEY_MODE,
      kind: "secret",
      content: agentUsersYaml(
        plan.agents.map((a) => a.commonName),
        pems.agentPasswords,
      ),
      purpose:
        "A Sensu user per agent CN and their role binding, for sensuctl create -f. Holds random passwords: keep it private.",
      host: OPERATOR_HOST,
    });
  }
  if (plan.sudoers) {
    for (const f of sudoersBundleFiles(plan.sudoers)) {
      const kind: FileKind = f.path.endsWith(".sh") ? "script" : f.path.startsWith("checks/") ? "document" : "config";
      entries.push({
        path: `${SUDO_DIR}/${f.path}`,
        mode: f.mode,
        kind,
        content: f.content,
        purpose: f.purpose,
        host: SUDO_HOST,
        installTo: f.installTo,
      });
    }
  }
  // Operator files: checks for sensuctl, and the runbook for the day they warn.
  for (const f of monitoringFiles(plan))
    entries.push({
      path: f.path,
      mode: PUBLIC_MODE,
      kind: "document",
      content: f.content,
      purpose: f.purpose,
      host: OPERATOR_HOST,
    });
  entries.push({
    path: RENEWAL_FILE,
    mode: PUBLIC_MODE,
    kind: "document",
    content: renewalMarkdown(plan),
    purpose: RENEWAL_PURPOSE,
    host: OPERATOR_HOST,
  });
  return entries;
}
