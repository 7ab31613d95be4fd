import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { agentVerdicts } from "./agent-verdicts";
import { agentConnectionId, type Connection, type ConnectionStatus } from "./connection";

const row = (agent: string, backend: string, status: ConnectionStatus): Connection => ({
  id: agentConnectionId(agent, backend),
  kind: "agent",
  from: `agent "${agent}"`,
  to: backend,
  url: "",
  port: 8081,
  presented: "",
  verifiedWith: "",
  status,
  checks: [],
});

describe("one agent's verdicts inside a counted group", () => {
  const agents = ["web-01", "web-02", "db-01"];
  const backends = ["backend-1", "backend-2"];

  it("takes a listed failing or noted row as it is, and counts every other connection as passed", () => {
    const listed = [
      row("web-02", "backend-2", "fail"),
      row("db-01", "backend-1", "note"),
      row("web-01", "backend-1", "pass"),
    ];
    assert.deepEqual(agentVerdicts(agents, backends, listed, " WEB "), [
      {
        agent: "web-01",
        backends: [
          { backend: "backend-1", status: "pass" },
          { backend: "backend-2", status: "pass" },
        ],
      },
      {
        agent: "web-02",
        backends: [
          { backend: "backend-1", status: "pass" },
          { backend: "backend-2", status: "fail" },
        ],
      },
    ]);
    assert.deepEqual(agentVerdicts(agents, backends, listed, "db")[0]?.backends[0], {
      backend: "backend-1",
      status: "note",
    });
  });

  it("answers every agent for an empty query (the opened group), and nothing for no match", () => {
    assert.deepEqual(
      agentVerdicts(agents, backends, [], "  ").map((v) => v.agent),
      [...agents],
    );
    assert.deepEqual(agentVerdicts(agents, backends, [], "mail"), []);
  });
});
