import { type San, urlHost } from "../pki/names";
import { backendFiles } from "../plan/host-files";
import type { ResolvedBackend, ResolvedPlan } from "../plan/resolved-plan";
import type { ConfigEntry, HostConfig } from "./config-entry";
import { keyExists } from "./key-catalog";
import { API_PORT, ETCD_CLIENT_PORT, ETCD_PEER_PORT } from "./ports";
import { type BackendTlsPaths, installedTlsPaths } from "./tls-paths";

/** A cluster's members meet at their node IPs; a single backend keeps etcd on localhost. */
export function etcdHost(plan: ResolvedPlan, backend: ResolvedBackend): string {
  if (plan.backends.length === 1 || !backend.ip) return "localhost";
  return urlHost({ kind: "ip", value: backend.ip } satisfies San);
}

export const peerUrl = (plan: ResolvedPlan, b: ResolvedBackend): string =>
  `https://${etcdHost(plan, b)}:${ETCD_PEER_PORT}`;
export const etcdClientUrl = (plan: ResolvedPlan, b: ResolvedBackend): string =>
  `https://${etcdHost(plan, b)}:${ETCD_CLIENT_PORT}`;

/** name=https://IP:2380 for every member, in table order (reference point 11). */
export function initialCluster(plan: ResolvedPlan): string {
  return plan.backends.map((b) => `${b.name}=${peerUrl(plan, b)}`).join(",");
}

function apiEntries(plan: ResolvedPlan, paths: BackendTlsPaths): ConfigEntry[] {
  const files = paths.api;
  const api = (key: string, value: ConfigEntry["value"], why: string): ConfigEntry => ({
    key,
    value,
    why,
    section: "api",
  });
  const entries = [
    api(
      "cert-file",
      files.cert,
      "This backend's certificate: HTTPS for the API (8080), wss for agents (8081), and the web UI unless it has its own.",
    ),
    api("key-file", files.key, "Its private key; setting both switches the listeners to TLS."),
    api(
      "trusted-ca-file",
      files.ca,
      "The CA that signed the cluster's certificates, also trusted for asset downloads.",
    ),
    api(
      "insecure-skip-tls-verify",
      false,
      "Written explicitly: true would make the backend's own clients accept any certificate.",
    ),
    api(
      "api-url",
      `https://${urlHost(plan.api.urlHost)}:${API_PORT}`,
      `How this backend reaches its own API: https, and ${plan.api.urlHost.value} is one of its certificate's names.`,
    ),
  ];
  if (paths.dashboard) {
    const source =
      plan.api.dashboard.mode === "file"
        ? "the certificate you supplied"
        : "a certificate issued here for the web UI's own names";
    entries.push(
      api("dashboard-cert-file", paths.dashboard.cert, `The web UI (3000) presents ${source} instead of cert-file.`),
    );
    entries.push(
      api(
        "dashboard-key-file",
        paths.dashboard.key,
        "Its private key; Sensu 6 refuses to start with only one of the pair.",
      ),
    );
  }
  return entries;
}

function mtlsEntries(plan: ResolvedPlan, paths: BackendTlsPaths): ConfigEntry[] {
  if (!plan.mtls.enabled) return [];
  const files = paths.agentAuth;
  const entry = (key: string, value: string, why: string): ConfigEntry => ({ key, value, why, section: "agent-mtls" });
  return [
    entry(
      "agent-auth-cert-file",
      files.cert,
      "Not an agent certificate: the server certificate this backend presents to agents on 8081 (sensu/sensu-go#5028).",
    ),
    entry("agent-auth-key-file", files.key, "Its private key."),
    entry(
      "agent-auth-trusted-ca-file",
      files.ca,
      plan.agentCa
        ? "Only the agent CA: a certificate from it is the only way in as an agent."
        : "The single CA: any certificate it signed, backends' included, authenticates as an agent.",
    ),
  ];
}

function etcdEntries(plan: ResolvedPlan, backend: ResolvedBackend, paths: BackendTlsPaths): ConfigEntry[] {
  const { etcdClient: client, etcdPeer: peer } = paths;
  const etcd = (key: string, value: ConfigEntry["value"], why: string): ConfigEntry => ({
    key,
    value,
    why,
    section: "etcd",
  });
  const where =
    plan.backends.length === 1
      ? "localhost: a single backend has no peers"
      : "the node's IP, which other members and this backend dial";
  return [
    etcd("etcd-name", backend.name, "This member's name; it must match its entry in etcd-initial-cluster."),
    etcd(
      "etcd-listen-client-urls",
      [etcdClientUrl(plan, backend)],
      `https, or etcd serves plaintext and only logs a warning; on ${where}.`,
    ),
    etcd(
      "etcd-advertise-client-urls",
      [etcdClientUrl(plan, backend)],
      "The URL the backend's own etcd client dials, so it is checked against this certificate's names.",
    ),
    etcd("etcd-listen-peer-urls", [peerUrl(plan, backend)], "Peer traffic over https only."),
    etcd(
      "etcd-initial-advertise-peer-urls",
      [peerUrl(plan, backend)],
      "Must equal this member's entry in etcd-initial-cluster, scheme included.",
    ),
    etcd(
      "etcd-initial-cluster",
      initialCluster(plan),
      "Every member as name=https://IP:2380, the same on every backend.",
    ),
    etcd(
      "etcd-initial-cluster-state",
      plan.etcd.state,
      plan.etcd.state === "new"
        ? "new: these members bootstrap the cluster together."
        : "existing: this member joins a running cluster.",
    ),
    etcd(
      "etcd-initial-cluster-token",
      plan.etcd.token,
      "Keeps members of this cluster from joining another one with the same member names.",
    ),
    etcd(
      "etcd-cert-file",
      client.cert,
      "Served on the client port and presented by the backend to its own etcd: server and client auth.",
    ),
    etcd("etcd-key-file", client.key, "Its private key."),
    etcd(
      "etcd-trusted-ca-file",
      client.ca,
      plan.agentCa
        ? "The CA of backend certificates only: agent certificates (agent CA) cannot open etcd."
        : "The single CA: agent certificates are accepted too (the guide's layout).",
    ),
    etcd("etcd-client-cert-auth", true, "Refuse etcd clients without a certificate from that CA."),
    etcd(
      "etcd-peer-cert-file",
      peer.cert,
      "Presented to and by the other members; etcd checks it names the peer's IP.",
    ),
    etcd("etcd-peer-key-file", peer.key, "Its private key."),
    etcd("etcd-peer-trusted-ca-file", peer.ca, "Verifies the other members' certificates."),
    etcd("etcd-peer-client-cert-auth", true, "Refuse peers without a certificate from that CA."),
  ];
}

function revocationEntries(plan: ResolvedPlan): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  if (plan.revocation && plan.mtls.enabled) {
    entries.push({
      key: "agent-auth-crl-urls",
      value: [plan.revocation.crlUrl],
      section: "revocation",
      why: "Where backends fetch the revocation list for agent certificates; publish the bundle's CRL there.",
    });
  }
  if (plan.revocationCheck === undefined) return entries;
  return [
    ...entries,
    {
      key: "enable-cert-revocation-check",
      value: plan.revocationCheck,
      section: "revocation",
      why: "Written explicitly because Sensu's docs disagree on its default; it only acts on certificates that name a CRL or OCSP URL.",
    },
  ];
}

/**
 * backend.yml's TLS settings for one backend: only keys the chosen release accepts. The files are
 * where install.sh puts them unless `paths` says otherwise (the Ansible role's own names).
 */
export function backendConfig(
  plan: ResolvedPlan,
  backend: ResolvedBackend,
  paths: BackendTlsPaths = installedTlsPaths(backendFiles(plan, backend)),
): HostConfig {
  const entries = [
    ...apiEntries(plan, paths),
    ...mtlsEntries(plan, paths),
    ...revocationEntries(plan),
    ...etcdEntries(plan, backend, paths),
  ];
  for (const e of entries) {
    if (!keyExists("backend", e.key, plan.sensuVersion))
      throw new Error(`failed to build backend.yml: ${e.key} does not exist in Sensu ${plan.sensuVersion}`);
  }
  return { side: "backend", host: backend.name, entries };
}
