import type { ResolvedPlan } from "../plan/resolved-plan";
import { agentConfig } from "../sensu/agent-config";
import {
  AGENT_AUTH_FILES,
  AGENT_CLIENT_FILES,
  AGENT_ROLE_TRUSTED_CA,
  BACKEND_ROLE_FILES,
  ROLE_AGENT_FILES,
  roleBackendTlsPaths,
  type RoleFile,
} from "../sensu/ansible-role";
import { backendConfig } from "../sensu/backend-config";
import {
  adminPasswordVars,
  agentGroupName,
  agentGroupVars,
  agentsVars,
  ansibleExpiryChecks,
  backendVars,
  inventory,
  SITE_YML,
} from "./ansible-files";
import type { AnsibleAgents, AnsibleHost, AnsibleInstall, AnsibleLayout } from "./ansible-hosts";
import { ansibleReadme } from "./ansible-readme";
import type { HostLayouts } from "./host-layout";
import { type BundleFill, issuedOrThrow } from "./issued-pems";
import { type FileKind, KEY_MODE, type LayoutEntry, PUBLIC_MODE } from "./manifest-entry";

type Entry = LayoutEntry<BundleFill>;

/** The Ansible tree's folder in the zip, and where its files are used. */
export const ANSIBLE_DIR = "ansible";
export const ANSIBLE_HOST = "the Ansible controller";
/** Certificates and keys the playbook copies, by their cfssljson names. */
export const PKI_DIR = "pki";

const baseName = (path: string) => path.split("/").pop() ?? path;

/** ansible/pki/: each certificate and key once, filled like the host folder's copy it mirrors. */
class PkiFolder {
  readonly entries: Entry[] = [];
  private readonly byName = new Map<string, Entry>();
  constructor(private readonly purposeOf: (file: Entry) => string) {}

  /** The pki/ copy of the host folder's file installed at `installTo`. */
  copyOf(host: { entries: readonly Entry[] }, installTo: string | undefined): Entry {
    const file = host.entries.find((e) => e.installTo !== undefined && e.installTo === installTo);
    if (!file) throw new Error(`failed to lay out the Ansible tree: no host file is installed at ${installTo}`);
    const name = baseName(file.path);
    const known = this.byName.get(name);
    if (known) return known;
    const kind: FileKind = file.kind;
    const entry: Entry = {
      path: `${ANSIBLE_DIR}/${PKI_DIR}/${name}`,
      mode: kind === "private-key" ? KEY_MODE : PUBLIC_MODE,
      kind,
      purpose: this.purposeOf(file),
      host: ANSIBLE_HOST,
      content: file.content,
    };
    this.byName.set(name, entry);
    this.entries.push(entry);
    return entry;
  }
}

const install = (role: RoleFile, source: Entry): AnsibleInstall<Entry> => ({
  variable: role.variable,
  installTo: role.installTo,
  mode: role.mode,
  source,
});

function backendHosts(plan: ResolvedPlan, hosts: HostLayouts<Entry>, pki: PkiFolder): AnsibleHost<Entry>[] {
  const tls = roleBackendTlsPaths(plan);
  return hosts.backends.map((h) => {
    // The CA first: pki/ lists it before the leaves it verifies.
    const ca = pki.copyOf(h, h.paths.ca);
    const own = { cert: pki.copyOf(h, h.paths.cert), key: pki.copyOf(h, h.paths.key), ca };
    const installs: AnsibleInstall<Entry>[] = [];
    for (const group of [BACKEND_ROLE_FILES.etcdClient, BACKEND_ROLE_FILES.etcdPeer, BACKEND_ROLE_FILES.api])
      installs.push(install(group.cert, own.cert), install(group.key, own.key), install(group.ca, own.ca));
    // Only a web UI certificate issued here is in the bundle; the user's own stays where it is on the host.
    if (plan.api.dashboard.mode === "issue") {
      installs.push(
        install(BACKEND_ROLE_FILES.dashboard.cert, pki.copyOf(h, h.paths.dashboardCert)),
        install(BACKEND_ROLE_FILES.dashboard.key, pki.copyOf(h, h.paths.dashboardKey)),
      );
    }
    if (plan.mtls.enabled) {
      installs.push(
        install(AGENT_AUTH_FILES.cert, own.cert),
        install(AGENT_AUTH_FILES.key, own.key),
        install(AGENT_AUTH_FILES.ca, pki.copyOf(h, h.paths.agentCa ?? h.paths.ca)),
      );
    }
    return { name: h.name, config: backendConfig(plan, h.backend, tls), installs };
  });
}

function agentHosts(plan: ResolvedPlan, hosts: HostLayouts<Entry>, pki: PkiFolder): AnsibleAgents<Entry>[] {
  const taken = new Set<string>();
  return hosts.agents.map((h) => {
    const installs = [install(AGENT_ROLE_TRUSTED_CA, pki.copyOf(h, h.paths.ca))];
    // Without mTLS agent.yml names no certificate of the agent's own: nothing to copy.
    if (plan.mtls.enabled)
      installs.push(
        install(AGENT_CLIENT_FILES.cert, pki.copyOf(h, h.paths.cert)),
        install(AGENT_CLIENT_FILES.key, pki.copyOf(h, h.paths.key)),
      );
    const group = agentGroupName(h.name, taken);
    taken.add(group);
    return { name: h.name, group, config: agentConfig(plan, h.name, ROLE_AGENT_FILES), installs };
  });
}

function pkiPurpose(file: Entry): string {
  return file.kind === "private-key"
    ? "A private key the playbook copies to its host: encrypt it with ansible-vault (see README.md)."
    : "A certificate the playbook copies to the hosts: the same file as in the host folders.";
}

/**
 * ansible/: an inventory, vars for the sensu.sensu_go roles and a playbook that deploys the plan,
 * laid out from the host folders so every certificate is the one the cross-check read.
 */
export function ansibleLayout(plan: ResolvedPlan, hosts: HostLayouts<Entry>): AnsibleLayout<Entry> {
  const pki = new PkiFolder(pkiPurpose);
  const backends = backendHosts(plan, hosts, pki);
  const agents = agentHosts(plan, hosts, pki);
  const file = (name: string, kind: FileKind, purpose: string, content: Entry["content"]): Entry => ({
    path: `${ANSIBLE_DIR}/${name}`,
    mode: kind === "secret" ? KEY_MODE : PUBLIC_MODE,
    kind,
    purpose,
    host: ANSIBLE_HOST,
    content,
  });
  const entries: Entry[] = [
    file("README.md", "document", "How to run the playbook, encrypt the keys with ansible-vault, and renew.", () =>
      ansibleReadme(plan, backends, agents),
    ),
    file("inventory.yml", "config", "The backends and agents groups the roles read; add your agent hosts.", () =>
      inventory(plan, agents),
    ),
    file(
      "site.yml",
      "config",
      "The playbook: agent mTLS files, then the sensu.sensu_go backend and agent roles.",
      () => SITE_YML,
    ),
    file(
      "group_vars/backends.yml",
      "secret",
      "The admin password sensu-backend init sets on a new cluster: encrypt it with ansible-vault.",
      (f) => adminPasswordVars(issuedOrThrow(f.pems.clusterAdminPassword, "the cluster admin password")),
    ),
    file(
      "group_vars/agents.yml",
      "config",
      "agent_trusted_ca_file and agent_config for every agent: backend-url lists every backend over wss.",
      () => agentsVars(agents, ANSIBLE_DIR),
    ),
    ...agents
      .filter((a) => a.installs.some((i) => i.variable === ""))
      .map((a) =>
        file(
          `group_vars/${a.group}.yml`,
          "config",
          `The certificate and key the agents in ${a.group} authenticate with (CN ${a.name}).`,
          () => agentGroupVars(a, ANSIBLE_DIR),
        ),
      ),
    ...backends.map((b) =>
      file(
        `host_vars/${b.name}.yml`,
        "config",
        `The backend role's file variables and backend_config for ${b.name}: its etcd member settings from the plan.`,
        () => backendVars(b, ANSIBLE_DIR),
      ),
    ),
    file(
      "expiry-checks.yaml",
      "document",
      "Expiry checks at the role's file names under /etc/sensu, for hosts this playbook configured; sensuctl create -f.",
      () => ansibleExpiryChecks(plan, backends, agents),
    ),
  ];
  return { entries: [...entries, ...pki.entries], backends, agents };
}
