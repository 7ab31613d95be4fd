import { agentConnectionId, type Connection, type ConnectionStatus } from "./connection";

export interface AgentVerdict {
  agent: string;
  /** Per backend, in plan order: the listed row's status, or pass. */
  backends: { backend: string; status: ConnectionStatus }[];
}

/**
 * Agents whose CN contains `query` (every agent for an empty one), each with its connection to every backend. A fleet's summary
 * lists every failing or noted agent connection in full and only counts the passing ones, so a
 * connection without a listed row passed: one agent is answered without the Worker's full table.
 */
export function agentVerdicts(
  agents: readonly string[],
  backends: readonly string[],
  listed: readonly Connection[],
  query: string,
): AgentVerdict[] {
  const needle = query.trim().toLowerCase();
  const notPassing = new Map(listed.filter((c) => c.status !== "pass").map((c) => [c.id, c.status]));
  return agents
    .filter((a) => !needle || a.toLowerCase().includes(needle))
    .map((agent) => ({
      agent,
      backends: backends.map((backend) => ({
        backend,
        status: notPassing.get(agentConnectionId(agent, backend)) ?? "pass",
      })),
    }));
}
