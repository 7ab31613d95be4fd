import type { AgentFiles } from "../plan/host-files";
import type { ResolvedPlan } from "../plan/resolved-plan";
import type { BackendTlsPaths, TlsTrio } from "./tls-paths";

/**
 * What the sensu.sensu_go collection's backend and agent roles (1.x, tasks/configure.yml) do with
 * files: each `*_file` variable names a file on the controller, which the role copies to a fixed
 * name under /etc/sensu. backend.yml and agent.yml must name those copies, not the install.sh paths.
 */

/** A role variable and the file the role copies its source to. */
export interface RoleFile {
  variable: string;
  installTo: string;
  /** What the role sets: keys 0400, everything else 0644. */
  mode: "0400" | "0644";
}

const roleTrio = (prefix: string, name: string): Record<keyof TlsTrio, RoleFile> => ({
  cert: { variable: `${prefix}_cert_file`, installTo: `/etc/sensu/${name}.crt`, mode: "0644" },
  key: { variable: `${prefix}_key_file`, installTo: `/etc/sensu/${name}.key`, mode: "0400" },
  ca: { variable: `${prefix}_trusted_ca_file`, installTo: `/etc/sensu/${name}-ca.crt`, mode: "0644" },
});

/** sensu.sensu_go.backend: "Install etcd communication PKI", "… API …", "… dashboard …". */
export const BACKEND_ROLE_FILES = {
  etcdClient: roleTrio("etcd", "etcd-client"),
  etcdPeer: roleTrio("etcd_peer", "etcd-peer"),
  api: roleTrio("api", "api"),
  dashboard: {
    cert: { variable: "dashboard_cert_file", installTo: "/etc/sensu/dashboard.crt", mode: "0644" },
    key: { variable: "dashboard_key_file", installTo: "/etc/sensu/dashboard.key", mode: "0400" },
  },
} as const satisfies Record<string, Partial<Record<keyof TlsTrio, RoleFile>>>;

/**
 * Agent mTLS has no role variable: the playbook copies these itself, beside the role's own files
 * and with the same owner and modes.
 */
export const AGENT_AUTH_FILES: Record<keyof TlsTrio, RoleFile> = {
  cert: { variable: "", installTo: "/etc/sensu/agent-auth.crt", mode: "0644" },
  key: { variable: "", installTo: "/etc/sensu/agent-auth.key", mode: "0400" },
  ca: { variable: "", installTo: "/etc/sensu/agent-auth-ca.crt", mode: "0644" },
};

/** sensu.sensu_go.agent (vars/linux.yml): where agent_trusted_ca_file is copied to. */
export const AGENT_ROLE_TRUSTED_CA: RoleFile = {
  variable: "agent_trusted_ca_file",
  installTo: "/etc/sensu/sensu-agent-trusted-ca.crt",
  mode: "0644",
};

/** An agent's own certificate and key for mTLS, copied by the playbook (no role variable either). */
export const AGENT_CLIENT_FILES: Pick<Record<keyof TlsTrio, RoleFile>, "cert" | "key"> = {
  cert: { variable: "", installTo: "/etc/sensu/agent.crt", mode: "0644" },
  key: { variable: "", installTo: "/etc/sensu/agent.key", mode: "0400" },
};

/**
 * agent.yml keys the agent role writes itself once agent_trusted_ca_file is set: agent_config must
 * leave them out, or the rendered file has each key twice.
 */
export const AGENT_ROLE_WRITES: Readonly<Record<string, string | boolean>> = {
  "trusted-ca-file": AGENT_ROLE_TRUSTED_CA.installTo,
  "insecure-skip-tls-verify": false,
};

const installed = (files: Record<keyof TlsTrio, RoleFile>): TlsTrio => ({
  cert: files.cert.installTo,
  key: files.key.installTo,
  ca: files.ca.installTo,
});

/**
 * backend.yml's files on a host the role configured. A web UI certificate the user supplies is
 * already on the host (no role variable can copy it), so backend.yml keeps naming it where it is.
 */
export function roleBackendTlsPaths(plan: ResolvedPlan): BackendTlsPaths {
  const web = plan.api.dashboard;
  const dashboard =
    web.mode === "issue"
      ? { cert: BACKEND_ROLE_FILES.dashboard.cert.installTo, key: BACKEND_ROLE_FILES.dashboard.key.installTo }
      : web.mode === "file"
        ? { cert: web.certPath, key: web.keyPath }
        : undefined;
  return {
    api: installed(BACKEND_ROLE_FILES.api),
    etcdClient: installed(BACKEND_ROLE_FILES.etcdClient),
    etcdPeer: installed(BACKEND_ROLE_FILES.etcdPeer),
    agentAuth: installed(AGENT_AUTH_FILES),
    ...(dashboard ? { dashboard } : {}),
  };
}

/** agent.yml's files on a host the role configured. */
export const ROLE_AGENT_FILES: AgentFiles = {
  ca: AGENT_ROLE_TRUSTED_CA.installTo,
  cert: AGENT_CLIENT_FILES.cert.installTo,
  key: AGENT_CLIENT_FILES.key.installTo,
};
