import type { Connection, ConnectionKind } from "../sensu/connection";
import type { Bundle } from "./bundle";
import type { CertificateDates } from "./certificate-dates";
import type { PlannedEntry } from "./manifest-entry";

/** Passing connections of a kind are listed one by one only up to this many; past it, counted. */
export const LISTED_PASSES = 24;

/** One kind of connection, counted: "1,000 agents → 3 backends: 3,000 connections, all OK". */
export interface ConnectionGroup {
  kind: ConnectionKind;
  total: number;
  failed: number;
  /** Distinct clients and servers, for the summary line. */
  from: number;
  to: number;
}

/** Certificates expiring on one day; a fleet's agent certificates are one line, not thousands. */
export interface ExpiryGroup extends CertificateDates {
  /** How many certificates this line stands for (path and subject are the first of them). */
  count: number;
}

/**
 * What the Review page needs once a bundle is made, without any file's content: the Worker keeps
 * the keys and hands back only this and the zip, so the page never holds thousands of PEMs twice.
 */
export interface BundleSummary {
  /** Every file's row for the file table, README.md first. */
  files: PlannedEntry[];
  /** The zip, its buffer transferred from the Worker; empty when a connection fails. */
  zip: Uint8Array;
  expiries: ExpiryGroup[];
  /** Failing and noted connections always; passing ones while their kind has few (LISTED_PASSES). */
  connections: Connection[];
  groups: ConnectionGroup[];
  generatedAt: Date;
}

const withoutContent = ({ content: _content, ...row }: Bundle["entries"][number]): PlannedEntry => row;

function groupConnections(connections: readonly Connection[]): ConnectionGroup[] {
  const byKind = new Map<ConnectionKind, { total: number; failed: number; from: Set<string>; to: Set<string> }>();
  for (const c of connections) {
    const g = byKind.get(c.kind) ?? { total: 0, failed: 0, from: new Set<string>(), to: new Set<string>() };
    g.total++;
    if (c.status === "fail") g.failed++;
    g.from.add(c.from);
    g.to.add(c.to);
    byKind.set(c.kind, g);
  }
  return [...byKind].map(([kind, g]) => ({ kind, total: g.total, failed: g.failed, from: g.from.size, to: g.to.size }));
}

const isAgent = (path: string) => path.startsWith("agents/");

/** Agent certificates expiring on the same day become one line; CAs and backends stay one line each. */
function groupExpiries(expiries: readonly CertificateDates[]): ExpiryGroup[] {
  const out: ExpiryGroup[] = [];
  const agentDays = new Map<string, ExpiryGroup>();
  for (const e of expiries) {
    if (!isAgent(e.path)) {
      out.push({ ...e, count: 1 });
      continue;
    }
    const day = e.notAfter.toISOString().slice(0, 10);
    const group = agentDays.get(day);
    if (group) group.count++;
    else {
      const first = { ...e, count: 1 };
      agentDays.set(day, first);
      out.push(first);
    }
  }
  return out;
}

export function summarizeBundle(bundle: Bundle): BundleSummary {
  const groups = groupConnections(bundle.connections);
  const listed = new Set(groups.filter((g) => g.total - g.failed <= LISTED_PASSES).map((g) => g.kind));
  return {
    files: bundle.entries.map(withoutContent),
    zip: bundle.zip,
    expiries: groupExpiries(bundle.expiries),
    connections: bundle.connections.filter((c) => c.status !== "pass" || listed.has(c.kind)),
    groups,
    generatedAt: bundle.generatedAt,
  };
}
