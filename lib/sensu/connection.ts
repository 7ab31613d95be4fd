import type { ConfigValue, HostConfig } from "./config-entry";
import type { CheckItem, HostFiles } from "./tls-checks";

export type ConnectionKind = "agent" | "etcd-peer" | "etcd-client" | "api" | "web-ui";
export type ConnectionStatus = "pass" | "fail" | "note";

/** One connection Sensu (or an operator) will make, and what was verified about it. */
export interface Connection {
  id: string;
  kind: ConnectionKind;
  from: string;
  to: string;
  url: string;
  port: number;
  /** The server's certificate: host and path. */
  presented: string;
  /** The CA file the client verifies it with. */
  verifiedWith: string;
  /** mTLS: the client's certificate, and the CA file the server checks it with. */
  clientPresented?: string;
  status: ConnectionStatus;
  checks: CheckItem[];
  /** A note instead of checks (a purchased certificate, a known trade-off). */
  note?: string;
}

/** One host's side of the cross-check: its settings and the files install.sh puts there. */
export interface HostView {
  config: HostConfig;
  files: HostFiles;
}

export function setting(view: HostView, key: string): ConfigValue | undefined {
  return view.config.entries.find((e) => e.key === key)?.value;
}

export function stringSetting(view: HostView, key: string): string | undefined {
  const v = setting(view, key);
  return typeof v === "string" ? v : undefined;
}

export function listSetting(view: HostView, key: string): string[] {
  const v = setting(view, key);
  if (Array.isArray(v)) return v;
  // Sensu splits a scalar on white space, never on commas (reference point 14).
  return typeof v === "string" ? v.split(/\s+/).filter(Boolean) : [];
}

export function statusOf(checks: readonly CheckItem[]): ConnectionStatus {
  return checks.every((c) => c.ok) ? "pass" : "fail";
}

/** The first failing check's advice, for the summary line. */
export function firstProblem(connection: Connection): string | undefined {
  return connection.checks.find((c) => !c.ok)?.detail;
}

/** The id of an agent's connection to a backend (or to a URL that is not one). */
export const agentConnectionId = (agent: string, backend: string): string => `agent:${agent}:${backend}`;
