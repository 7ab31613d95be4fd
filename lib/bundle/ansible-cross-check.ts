import type { ResolvedPlan } from "../plan/resolved-plan";
import type { Connection, HostView } from "../sensu/connection";
import { crossCheck } from "../sensu/cross-check";
import type { AnsibleHost } from "./ansible-hosts";
import { crossCheckInput } from "./cross-check-input";
import type { Manifest } from "./manifest";
import type { ManifestEntry } from "./manifest-entry";

/** A host as the role leaves it: the settings it renders, and each copied file at its role name. */
function viewOf(host: AnsibleHost<ManifestEntry>): HostView {
  return { config: host.config, files: new Map(host.installs.map((i) => [i.installTo, i.source.content])) };
}

/**
 * Every connection again, on the hosts as the Ansible tree configures them: same certificates,
 * other paths. Rows are marked as the Ansible tree's, so a failure says which tree it is in.
 */
export async function ansibleConnections(
  crypto: Crypto,
  plan: ResolvedPlan,
  manifest: Manifest,
  now: Date,
): Promise<Connection[]> {
  const { ansible } = manifest;
  if (!ansible) return [];
  const input = {
    ...crossCheckInput(plan, manifest, now),
    backends: ansible.backends.map(viewOf),
    agents: ansible.agents.map(viewOf),
  };
  const rows = await crossCheck(crypto, input);
  return rows.map((c) => ({ ...c, id: `ansible:${c.id}`, from: `${c.from} (Ansible tree)` }));
}
