import type { ResolvedPlan } from "../wizard/resolve";
import { cfsslCaConfig } from "./ca-config";
import { AGENT_CA_STEM, agentDir, backendDir, CA_CONFIG, CA_STEM, cfsslNames, OFFLINE_DIR, TLS_DIR } from "./file-names";

export type FileKind = "private-key" | "ca-private-key" | "certificate" | "csr" | "config" | "document";

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

/** PEM text of everything issued, keyed the way the plan names it. */
export interface IssuedPems {
  ca: PemTriple;
  agentCa?: PemTriple;
  backends: Map<string, PemTriple>;
  agents: Map<string, PemTriple>;
}

/** Private keys 0600 (owner only); everything else 0644. install steps tighten keys to 0400. */
export const KEY_MODE = 0o600;
export const PUBLIC_MODE = 0o644;

export const OFFLINE_HOST = "offline";

function pemOf(map: Map<string, PemTriple>, name: string): PemTriple {
  const pems = map.get(name);
  if (!pems) throw new Error(`failed to build manifest: nothing was issued for ${name}`);
  return pems;
}

export function buildManifest(plan: ResolvedPlan, pems: IssuedPems): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  const offline = (name: string, kind: FileKind, content: string, purpose: string) =>
    entries.push({ path: `${OFFLINE_DIR}/${name}`, mode: kind === "ca-private-key" ? KEY_MODE : PUBLIC_MODE, kind, content, purpose, host: OFFLINE_HOST });
  const onHost = (dir: string, host: string, name: string, kind: FileKind, content: string, purpose: string) =>
    entries.push({ path: `${dir}/etc/sensu/tls/${name}`, mode: kind === "private-key" ? KEY_MODE : PUBLIC_MODE, kind, content, purpose, host, installTo: `${TLS_DIR}/${name}` });

  const caFiles = cfsslNames(CA_STEM);
  offline(caFiles.cert, "certificate", pems.ca.cert, `CA certificate: "${plan.ca.commonName}". Also in every host folder.`);
  const signs = plan.agentCa ? "every backend certificate" : "every backend and agent certificate";
  offline(caFiles.key, "ca-private-key", pems.ca.key, `CA private key. Signs ${signs}: never copy it to a host.`);
  offline(caFiles.csr, "csr", pems.ca.csr, "CA certificate signing request (for cross-signing). Not used by Sensu.");
  offline(CA_CONFIG, "config", cfsslCaConfig(plan.backendValidityHours, plan.agentValidityHours), "cfssl signing profiles (backend, agent), to keep issuing with cfssl. Not used by Sensu.");
  const agentCaFiles = cfsslNames(AGENT_CA_STEM);
  if (plan.agentCa && pems.agentCa) {
    offline(agentCaFiles.cert, "certificate", pems.agentCa.cert, `Agent CA certificate: "${plan.agentCa.commonName}". Signs agent certificates only.`);
    offline(agentCaFiles.key, "ca-private-key", pems.agentCa.key, "Agent CA private key. Never copy it to a host.");
    offline(agentCaFiles.csr, "csr", pems.agentCa.csr, "Agent CA certificate signing request. Not used by Sensu.");
  }
  for (const backend of plan.backends) {
    const files = cfsslNames(backend.fqdn);
    offline(files.csr, "csr", pemOf(pems.backends, backend.fqdn).csr, `Certificate signing request for ${backend.fqdn}. Not used by Sensu.`);
  }
  for (const agent of plan.agents) {
    offline(cfsslNames(agent.commonName).csr, "csr", pemOf(pems.agents, agent.commonName).csr, `Certificate signing request for agent "${agent.commonName}". Not used by Sensu.`);
  }

  for (const backend of plan.backends) {
    const dir = backendDir(backend.name);
    const files = cfsslNames(backend.fqdn);
    const pem = pemOf(pems.backends, backend.fqdn);
    onHost(dir, backend.name, caFiles.cert, "certificate", pems.ca.cert, "CA certificate: verifies the other backends (etcd peers) and clients.");
    if (plan.agentCa && pems.agentCa) {
      onHost(dir, backend.name, agentCaFiles.cert, "certificate", pems.agentCa.cert, "Agent CA certificate: verifies agent certificates (agent-auth-trusted-ca-file).");
    }
    onHost(dir, backend.name, files.cert, "certificate", pem.cert, `Backend certificate for ${backend.fqdn}: API, web UI, agent websocket, etcd client and peer.`);
    onHost(dir, backend.name, files.key, "private-key", pem.key, `Private key of ${backend.fqdn}. Only the sensu user may read it.`);
  }
  for (const agent of plan.agents) {
    const dir = agentDir(agent.commonName);
    const files = cfsslNames(agent.commonName);
    const pem = pemOf(pems.agents, agent.commonName);
    const host = `agents using "${agent.commonName}"`;
    onHost(dir, host, caFiles.cert, "certificate", pems.ca.cert, "CA certificate: verifies the backends the agent connects to.");
    onHost(dir, host, files.cert, "certificate", pem.cert, `Agent certificate (CN ${agent.commonName}), client authentication only.`);
    onHost(dir, host, files.key, "private-key", pem.key, "Agent private key. Only the sensu user may read it.");
  }
  return entries;
}
