import { AGENT_INDEX_PATH } from "../plan/file-names";
import type { ResolvedPlan } from "../plan/resolved-plan";
import type { Connection } from "../sensu/connection";
import type { CertificateDates } from "./certificate-dates";
import type { ManifestEntry } from "./manifest-entry";
import { code } from "./markdown";

/**
 * Past this many agent certificates the README speaks of the fleet, not of each agent: 1,000
 * sections, 3,000 connection rows and 5,000 file rows would bury the steps that matter.
 * agents/index.csv lists every one.
 */
export const README_AGENT_SECTIONS = 10;

export const isFleet = (plan: ResolvedPlan) => plan.agents.length > README_AGENT_SECTIONS;

const count = (n: number) => n.toLocaleString("en-US");

/** The summary line naming the agent certificates. */
export function agentsLine(plan: ResolvedPlan): string {
  const names = plan.agents.map((a) => code(a.commonName));
  if (!isFleet(plan)) return `- Agent certificates: ${names.join(", ")}`;
  return `- Agent certificates: ${count(names.length)}, from ${names[0]} to ${names.at(-1)} in the order given; each with its serial, expiry and fingerprint in ${code(AGENT_INDEX_PATH)}`;
}

/** A fleet's passing agent connections as one row's worth of counts; failures stay listed. */
export function fleetConnections(
  plan: ResolvedPlan,
  connections: readonly Connection[],
): { listed: Connection[]; passingAgents: number } {
  if (!isFleet(plan)) return { listed: [...connections], passingAgents: 0 };
  const listed = connections.filter((c) => c.kind !== "agent" || c.status !== "pass");
  return { listed, passingAgents: connections.length - listed.length };
}

const inAgentFolder = (path: string) => path.startsWith("agents/") && path !== AGENT_INDEX_PATH;

/** A fleet's agent certificates expiring on one day as one line, the first's path standing for them. */
export function fleetDates(
  plan: ResolvedPlan,
  dates: readonly CertificateDates[],
): { date: CertificateDates; more: number }[] {
  const out: { date: CertificateDates; more: number }[] = [];
  const byDay = new Map<string, { date: CertificateDates; more: number }>();
  for (const date of dates) {
    if (!isFleet(plan) || !inAgentFolder(date.path)) {
      out.push({ date, more: 0 });
      continue;
    }
    const key = date.notAfter.toISOString().slice(0, 10);
    const known = byDay.get(key);
    if (known) known.more++;
    else {
      const first = { date, more: 0 };
      byDay.set(key, first);
      out.push(first);
    }
  }
  return out;
}

/** The file table's rows: a fleet's first agent folder in full, the others said once. */
export function fleetFileRows(
  plan: ResolvedPlan,
  entries: readonly ManifestEntry[],
): { entries: ManifestEntry[]; otherAgents: number } {
  const first = plan.agents[0]?.commonName;
  if (!isFleet(plan) || first === undefined) return { entries: [...entries], otherAgents: 0 };
  const firstFolder = `agents/${first}/`;
  return {
    entries: entries.filter((e) => !inAgentFolder(e.path) || e.path.startsWith(firstFolder)),
    otherAgents: plan.agents.length - 1,
  };
}
