import type { ConnectionGroup } from "@/lib/bundle/bundle-summary";
import type { Connection, ConnectionKind } from "@/lib/sensu/connection";

import { count } from "../ui/count";
import { AgentConnectionSearch } from "./agent-connection-search";
import { STATUS_CLASS } from "./connection-status";

const GROUPS: { kind: ConnectionKind; title: string }[] = [
  { kind: "agent", title: "Agents → backends (wss, port 8081)" },
  { kind: "etcd-peer", title: "etcd peers (https, port 2380), both directions" },
  { kind: "etcd-client", title: "etcd clients (https, port 2379)" },
  { kind: "api", title: "API (https, port 8080): each backend's api-url, and sensuctl" },
  { kind: "web-ui", title: "Web UI (https, port 3000)" },
];

const RESULT = { pass: "OK", fail: "Fails", note: "Note" } as const;

const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** "1,000 agents → 3 backends: 3,000 connections, all OK": a fleet's passing rows, counted. */
function groupLine(g: ConnectionGroup, kind: string): string {
  const clients = kind === "agent" ? plural(g.from, "agent", "agents") : plural(g.from, "client", "clients");
  const head = `${clients} → ${plural(g.to, "backend", "backends")}: ${plural(g.total, "connection", "connections")}`;
  return g.failed === 0 ? `${head}, all OK` : `${head}, ${count(g.failed)} failing (listed below)`;
}

/**
 * Every connection with what was checked; failing ones always in full, saying how to fix them. A
 * fleet's passing connections arrive counted (groups) rather than listed, and show as one line.
 */
export function ConnectionTable({
  connections,
  groups = [],
  agents = [],
  backends = [],
}: {
  connections: readonly Connection[];
  groups?: readonly ConnectionGroup[];
  /** The plan's agent CNs and backend names, to answer for one agent inside a counted group. */
  agents?: readonly string[];
  backends?: readonly string[];
}) {
  return (
    <div className="flex flex-col gap-4">
      {GROUPS.map(({ kind, title }) => {
        const rows = connections.filter((c) => c.kind === kind);
        const group = groups.find((g) => g.kind === kind);
        const counted = group !== undefined && group.total > rows.length;
        if (rows.length === 0 && !counted) return null;
        return (
          <div key={kind} className="overflow-x-auto">
            {counted && (
              <p className="pb-1 text-sm" data-testid={`connections-${kind}`}>
                <span className="font-medium text-slate-900">{title}:</span>{" "}
                <span className={STATUS_CLASS[group.failed === 0 ? "pass" : "fail"]}>{groupLine(group, kind)}</span>
              </p>
            )}
            {counted && kind === "agent" && agents.length > 0 && (
              <AgentConnectionSearch agents={agents} backends={backends} listed={rows} />
            )}
            {rows.length > 0 && (
              <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
                <caption className="pb-1 text-left font-medium text-slate-900">{title}</caption>
                <thead>
                  <tr className="border-b border-slate-300 text-xs tracking-wide text-slate-600 uppercase">
                    <th scope="col" className="py-1 pr-3">
                      Connection
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Certificate presented
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Verified with
                    </th>
                    <th scope="col" className="py-1">
                      Result
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr
                      key={c.id}
                      className={`border-b border-slate-200 align-top ${c.status === "fail" ? "bg-red-50" : ""}`}
                    >
                      <th scope="row" className="py-1.5 pr-3 font-normal">
                        <span className="font-medium">{c.from}</span> → {c.to}
                        <br />
                        <span className="font-mono text-xs text-slate-600">{c.url || "(no URL)"}</span>
                      </th>
                      <td className="py-1.5 pr-3 font-mono text-xs">
                        {c.presented || "—"}
                        {c.clientPresented && (
                          <>
                            <br />
                            client: {c.clientPresented}
                          </>
                        )}
                      </td>
                      <td className="py-1.5 pr-3 font-mono text-xs">{c.verifiedWith || "—"}</td>
                      <td className="py-1.5">
                        <span className={STATUS_CLASS[c.status]}>{RESULT[c.status]}</span>
                        {c.note && <p className="text-xs text-slate-700">{c.note}</p>}
                        {c.checks
                          .filter((x) => !x.ok)
                          .map((x) => (
                            <p key={x.label} className="text-xs text-red-900">
                              {x.detail}
                            </p>
                          ))}
                        {c.checks.length > 0 && (
                          <details className="text-xs text-slate-700">
                            <summary className="cursor-pointer">{c.checks.length} checks</summary>
                            <ul className="list-disc pl-4">
                              {c.checks.map((x) => (
                                <li key={x.label}>
                                  {x.ok ? "✓" : "✗"} {x.label}: {x.detail}
                                </li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </div>
  );
}
