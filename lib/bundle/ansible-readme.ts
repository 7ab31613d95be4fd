import type { ResolvedPlan } from "../plan/resolved-plan";
import { ROLE_TASKS_VAR } from "./ansible-files";
import type { AnsibleAgents, AnsibleHost } from "./ansible-hosts";
import type { PlannedEntry } from "./manifest-entry";

const code = (text: string) => `\`${text}\``;
const inTree = (entry: PlannedEntry) => entry.path.replace(/^[^/]+\//, "");

/** Every secret in the tree: what ansible-vault should encrypt, in one command. */
function secrets(
  backends: readonly AnsibleHost<PlannedEntry>[],
  agents: readonly AnsibleHost<PlannedEntry>[],
): string[] {
  const keys = [...backends, ...agents]
    .flatMap((h) => h.installs.map((i) => i.source))
    .filter((e) => e.kind === "private-key")
    .map(inTree);
  return ["group_vars/backends.yml", ...new Set(keys)];
}

function installTable(host: AnsibleHost<PlannedEntry>): string[] {
  const lines = ["| on the host | from | copied by |", "|---|---|---|"];
  for (const i of host.installs)
    lines.push(
      `| ${code(i.installTo)} (${i.mode}) | ${code(inTree(i.source))} | ${i.variable ? code(i.variable) : "site.yml"} |`,
    );
  return lines;
}

/** ansible/README.md: how the tree maps the plan onto the sensu.sensu_go roles, and how to run it. */
export function ansibleReadme(
  plan: ResolvedPlan,
  backends: readonly AnsibleHost<PlannedEntry>[],
  agents: readonly AnsibleAgents<PlannedEntry>[],
): string {
  const [first] = backends;
  const lines = ["# Deploy with Ansible: the sensu.sensu_go roles", ""];
  lines.push(
    "This folder deploys the same plan as the host folders next to it, with the Sensu collection's own roles " +
      "(`sensu.sensu_go.backend`, `sensu.sensu_go.agent`). The roles copy each certificate and key to a fixed name " +
      "under `/etc/sensu` (not the plan's certificate directory), so backend.yml and agent.yml here name those copies; " +
      "the same connections were checked against these settings before the zip was written.",
    "",
    "## Before the first run",
    "",
    "1. The collection: `ansible-galaxy collection install sensu.sensu_go` (Debian's and Ubuntu's `ansible` package already ships it).",
    "2. `inventory.yml`: check each backend's `ansible_host`; keep the host names, they are the etcd member names. " +
      "Add each agent host to the group of the certificate it should use:",
    "",
  );
  for (const a of agents) lines.push(`   - ${code(a.group)}: agents authenticating as ${code(a.name)}`);
  lines.push(
    "",
    "3. Encrypt the secrets in place. The playbook works either way: `copy` decrypts vaulted files on the way to the host, and vars files are decrypted when read.",
    "",
    "```sh",
    "cd ansible",
    `ansible-vault encrypt ${secrets(backends, agents).join(" ")}`,
    "```",
    "",
    "## Run",
    "",
    "```sh",
    "ansible-playbook -i inventory.yml site.yml --ask-vault-pass",
    `# Sensu already installed another way: only the files and the configs`,
    `ansible-playbook -i inventory.yml site.yml --ask-vault-pass -e ${ROLE_TASKS_VAR}=configure`,
    "```",
    "",
    plan.backends.length > 1 && plan.etcd.state === "new"
      ? "A new cluster: the backends play runs on every backend at once, so the members start together (etcd waits for a majority); the role then runs `sensu-backend init` with the password in `group_vars/backends.yml`."
      : "The role runs `sensu-backend init` with the password in `group_vars/backends.yml`; on an initialized cluster it changes nothing.",
    "",
  );
  if (first) {
    lines.push(`## What lands where: ${code(first.name)} (every backend alike)`, "", ...installTable(first), "");
    lines.push(
      `The role writes \`/etc/sensu/backend.yml\` from \`backend_config\` in \`host_vars/${first.name}.yml\`. Its own defaults are for one node ` +
        "(etcd on `https://localhost`, `default=https://localhost:2380` as the initial cluster, no `etcd-advertise-client-urls`): " +
        "backend_config replaces every one of them with the plan's member names, URLs, cluster token and state.",
      "",
    );
  }
  const [agent] = agents;
  if (agent) {
    lines.push(`## What lands where: agents in ${code(agent.group)}`, "", ...installTable(agent), "");
    lines.push(
      "`group_vars/agents.yml` lists every backend in `backend-url` over wss: the role's default builds the list from inventory names and picks `ws://` unless a host has `api_key_file`.",
      "",
    );
  }
  lines.push(
    "## Renewing",
    "",
    "Make the new bundle from `sensu-tls-plan.json` with the same CA (the wizard, or `npx sensu-tls bundle`), replace this folder with its `ansible/`, encrypt the secrets again, and run the playbook. " +
      "The role restarts sensu-backend only when backend.yml changes, and a renewal changes only certificates: restart the backends yourself, one at a time, then the agents.",
    "",
    "```sh",
    ...plan.backends.flatMap((b) => [
      `ansible -i inventory.yml ${b.name} -b -m ansible.builtin.service -a "name=sensu-backend state=restarted"`,
      "sensuctl cluster health   # every member healthy before the next",
    ]),
    'ansible -i inventory.yml agents -b -m ansible.builtin.service -a "name=sensu-agent state=restarted"',
    "```",
    "",
    "## Expiry checks",
    "",
    "`expiry-checks.yaml` here watches the role's file names; the bundle's `monitoring/` watches the install.sh paths. Create the set that matches how the hosts were deployed: `sensuctl create -f ansible/expiry-checks.yaml`.",
    "",
  );
  return lines.join("\n");
}
