import { AGENT_INDEX_PATH, OPERATOR_DIR, SUDO_DIR } from "../plan/file-names";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { agentUsersYaml } from "../sensu/agent-users";
import { sudoersBundleFiles } from "../sudoers/bundle-files";
import { AGENT_INDEX_PURPOSE, agentIndexCsv } from "./agent-index";
import { type AnsibleLayout, mapAnsibleEntries } from "./ansible-hosts";
import { ansibleLayout } from "./ansible-layout";
import { planFileEntry } from "./common-entries";
import { type HostLayouts, hostLayouts, mapHostEntries } from "./host-layout";
import type { BundleFill, IssuedPems } from "./issued-pems";
import {
  type FileKind,
  fillEntry,
  KEY_MODE,
  type LayoutEntry,
  type ManifestEntry,
  OPERATOR_HOST,
  PUBLIC_MODE,
  SUDO_HOST,
} from "./manifest-entry";
import { monitoringFiles } from "./monitoring";
import { offlineLayout } from "./offline-layout";
import { RENEWAL_FILE, RENEWAL_PURPOSE, renewalMarkdown } from "./renewal";

type Entry = LayoutEntry<BundleFill>;

export const AGENT_USERS_FILE = "agent-users.yml";
export const AGENT_USERS_PATH = `${OPERATOR_DIR}/${AGENT_USERS_FILE}`;

/** Every file of the host bundle but the README, and the same files seen host by host. */
export interface BundleLayout<E> {
  /** In zip order. */
  entries: E[];
  hosts: HostLayouts<E>;
  /** ca/ca.pem: the CA certificate operators' machines trust (sensuctl, browsers). */
  operatorCa: E;
  /** ansible/, when the plan asks for it: the same hosts as the sensu.sensu_go roles configure them. */
  ansible?: AnsibleLayout<E>;
}

/** The layout with every file written: what the zip, the README and the cross-check read. */
export type Manifest = BundleLayout<ManifestEntry>;

/** Files for the operator's workstation and for agents that run privileged checks: none is a host folder. */
function sharedEntries(plan: ResolvedPlan, hosts: HostLayouts<unknown>): Entry[] {
  const entries: Entry[] = [];
  if (plan.mtls.enabled && plan.mtls.bindUsers) {
    entries.push({
      path: AGENT_USERS_PATH,
      mode: KEY_MODE,
      kind: "secret",
      purpose:
        "A Sensu user per agent CN and their role binding, for sensuctl create -f. Holds random passwords: keep it private.",
      host: OPERATOR_HOST,
      content: (f) =>
        agentUsersYaml(
          plan.agents.map((a) => a.commonName),
          f.pems.agentPasswords,
        ),
    });
  }
  if (plan.sudoers) {
    for (const f of sudoersBundleFiles(plan.sudoers)) {
      const kind: FileKind = f.path.endsWith(".sh") ? "script" : f.path.startsWith("checks/") ? "document" : "config";
      entries.push({
        path: `${SUDO_DIR}/${f.path}`,
        mode: f.mode,
        kind,
        purpose: f.purpose,
        host: SUDO_HOST,
        installTo: f.installTo,
        content: () => f.content,
      });
    }
  }
  // Operator files: checks for sensuctl, and the runbook for the day they warn.
  for (const f of monitoringFiles(plan, hosts))
    entries.push({
      path: f.path,
      mode: PUBLIC_MODE,
      kind: "document",
      purpose: f.purpose,
      host: OPERATOR_HOST,
      content: () => f.content,
    });
  entries.push({
    path: RENEWAL_FILE,
    mode: PUBLIC_MODE,
    kind: "document",
    purpose: RENEWAL_PURPOSE,
    host: OPERATOR_HOST,
    content: () => renewalMarkdown(plan, hosts),
  });
  return entries;
}

/** agents/index.csv beside the agent folders, when there are any. */
function agentIndexEntry(plan: ResolvedPlan): Entry[] {
  if (plan.agents.length === 0) return [];
  const names = plan.agents.map((a) => a.commonName);
  return [
    {
      path: AGENT_INDEX_PATH,
      mode: PUBLIC_MODE,
      kind: "document",
      purpose: AGENT_INDEX_PURPOSE,
      host: OPERATOR_HOST,
      content: (f) => agentIndexCsv(names, f.pems.agentIndex),
    },
  ];
}

/** Where every file goes and what it is for, from the plan alone: the one place paths are made. */
export function bundleLayout(plan: ResolvedPlan): BundleLayout<Entry> {
  const offline = offlineLayout(plan);
  const hosts = hostLayouts(plan);
  const ansible = plan.ansible ? ansibleLayout(plan, hosts) : undefined;
  const entries = [
    planFileEntry(
      plan,
      "The plan: every input but the keys, and the CA fingerprints. Load it on the Plan step to renew or extend this deployment.",
      (f: BundleFill) => f.pems.caFingerprints,
    ),
    ...offline.entries,
    ...hosts.backends.flatMap((h) => h.entries),
    ...hosts.agents.flatMap((h) => h.entries),
    ...agentIndexEntry(plan),
    ...sharedEntries(plan, hosts),
    ...(ansible?.entries ?? []),
  ];
  return { entries, hosts, operatorCa: offline.operatorCa, ...(ansible ? { ansible } : {}) };
}

/** The layout filled in with what was issued: each file written once, whichever view reads it. */
export function buildManifest(plan: ResolvedPlan, pems: IssuedPems, generatedAt: Date): Manifest {
  const layout = bundleLayout(plan);
  const fill: BundleFill = { pems, generatedAt };
  const written = new Map(layout.entries.map((e) => [e, fillEntry(e, fill)]));
  const of = (e: Entry): ManifestEntry => {
    const file = written.get(e);
    if (!file) throw new Error(`failed to build manifest: ${e.path} is not among the bundle's entries`);
    return file;
  };
  return {
    entries: [...written.values()],
    hosts: mapHostEntries(layout.hosts, of),
    operatorCa: of(layout.operatorCa),
    ...(layout.ansible ? { ansible: mapAnsibleEntries(layout.ansible, of) } : {}),
  };
}
