import type { RoleFile } from "../sensu/ansible-role";
import type { HostConfig } from "../sensu/config-entry";

/** A file the role or the playbook copies onto a host: from which pki/ entry, to where. */
export interface AnsibleInstall<E> {
  /** The role variable naming the source; "" where the playbook copies the file itself (agent mTLS). */
  variable: string;
  installTo: string;
  mode: RoleFile["mode"];
  source: E;
}

/** A backend, or the agents sharing a certificate, as the role leaves them. */
export interface AnsibleHost<E> {
  /** The inventory name of a backend, or the agent certificate's CN. */
  name: string;
  /** backend.yml or agent.yml as the role renders it: the cross-check reads this. */
  config: HostConfig;
  installs: AnsibleInstall<E>[];
}

export interface AnsibleAgents<E> extends AnsibleHost<E> {
  /** The inventory group of the hosts that use this certificate. */
  group: string;
}

export interface AnsibleLayout<E> {
  /** Every file under ansible/, in zip order. */
  entries: E[];
  backends: AnsibleHost<E>[];
  agents: AnsibleAgents<E>[];
}

/** The same tree, each laid-out entry swapped for its written file: hosts and entries stay one set of objects. */
export function mapAnsibleEntries<A, B>(layout: AnsibleLayout<A>, f: (entry: A) => B): AnsibleLayout<B> {
  const installs = (list: AnsibleInstall<A>[]): AnsibleInstall<B>[] => list.map((i) => ({ ...i, source: f(i.source) }));
  return {
    entries: layout.entries.map(f),
    backends: layout.backends.map((h) => ({ ...h, installs: installs(h.installs) })),
    agents: layout.agents.map((h) => ({ ...h, installs: installs(h.installs) })),
  };
}
