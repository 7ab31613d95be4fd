import type { BackendFiles } from "../plan/host-files";

/** A certificate, its key and the CA file that verifies the other side, as one setting group names them. */
export interface TlsTrio {
  cert: string;
  key: string;
  ca: string;
}

/**
 * Where backend.yml points each group of TLS settings. install.sh installs one certificate and key
 * and names them everywhere; Sensu's Ansible role copies them under a fixed name per group
 * (etcd-client.crt, api.crt, …), so the same settings can point at different files.
 */
export interface BackendTlsPaths {
  /** cert-file, key-file, trusted-ca-file. */
  api: TlsTrio;
  /** etcd-cert-file, etcd-key-file, etcd-trusted-ca-file. */
  etcdClient: TlsTrio;
  /** etcd-peer-cert-file, etcd-peer-key-file, etcd-peer-trusted-ca-file. */
  etcdPeer: TlsTrio;
  /** agent-auth-cert-file, agent-auth-key-file, agent-auth-trusted-ca-file: with agent mTLS only. */
  agentAuth: TlsTrio;
  /** dashboard-cert-file and dashboard-key-file, when the web UI has its own certificate. */
  dashboard?: { cert: string; key: string };
}

/** The install.sh layout: the backend's one certificate everywhere, the agent CA where it is installed. */
export function installedTlsPaths(files: BackendFiles): BackendTlsPaths {
  const own = { cert: files.cert, key: files.key, ca: files.ca };
  return {
    api: own,
    etcdClient: own,
    etcdPeer: own,
    agentAuth: { ...own, ca: files.agentCa ?? files.ca },
    ...(files.dashboardCert && files.dashboardKey
      ? { dashboard: { cert: files.dashboardCert, key: files.dashboardKey } }
      : {}),
  };
}
