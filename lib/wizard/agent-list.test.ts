import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { agentListCsv, readAgentList } from "./agent-list";
import { defaultInput } from "./model";
import { MAX_AGENTS } from "./model";
import { agentNameRules } from "./parse-agents";
import { replaceAgents } from "./update";

const rules = agentNameRules(defaultInput());
const read = (text: string, csv = false) => readAgentList(text, rules, csv);

describe("a pasted or loaded list of agents", () => {
  it("takes one CN per line, skipping blank lines and # comments", () => {
    const list = read("web-01\n\n# the database tier\ndb-01\r\n  db-02  \n");
    assert.deepEqual(list, { names: ["web-01", "db-01", "db-02"], problems: [] });
  });

  it("names each bad line by number with the Agents step's own reason, and keeps the good ones", () => {
    const list = read("web-01\nweb_02!\nWEB-01\nca\nbackend-1.example.com\nweb-03");
    assert.deepEqual(list.names, ["web-01", "web-03"]);
    assert.deepEqual(
      list.problems.map((p) => p.line),
      [2, 3, 4, 5],
    );
    assert.match(list.problems[0]?.message ?? "", /Use letters, digits, dots, hyphens and underscores/);
    assert.match(list.problems[1]?.message ?? "", /already named "WEB-01"/);
    assert.match(list.problems[2]?.message ?? "", /taken by the bundle's own CA files/);
    assert.match(list.problems[3]?.message ?? "", /taken by the backend backend-1/);
  });

  it("reads a CSV's cn or name column after its header, else the first column", () => {
    assert.deepEqual(read('host,cn,site\nh1,"agent-a",x\nh2,agent-b,y').names, ["agent-a", "agent-b"]);
    assert.deepEqual(read("Name\n", true), { names: [], problems: [] }, "a lone header is no agent");
    assert.deepEqual(read("CN\nagent-a").names, ["agent-a"], "a one-column list's header too");
    assert.deepEqual(read("agent-a,eu\nagent-b,us").names, ["agent-a", "agent-b"]);
    assert.deepEqual(
      read("\uFEFFsite;CN\r\neu;agent-a\r\nus;agent-b").names,
      ["agent-a", "agent-b"],
      "a spreadsheet's export",
    );
    assert.deepEqual(read("agent-a\teu\nagent-b\tus").names, ["agent-a", "agent-b"]);
    const quoted = read('cn\n"agent ""x"""');
    assert.equal(quoted.names.length, 0);
    assert.equal(quoted.problems[0]?.line, 2);
  });

  it("stops at the agent cap, pointing to an online CA", () => {
    const lines = Array.from({ length: MAX_AGENTS + 5 }, (_, i) => `agent-${i}`).join("\n");
    const list = read(lines);
    assert.equal(list.names.length, MAX_AGENTS);
    assert.equal(list.problems.length, 1);
    assert.equal(list.problems[0]?.line, MAX_AGENTS + 1);
    assert.match(
      list.problems[0]?.message ?? "",
      new RegExp(`More than ${MAX_AGENTS.toLocaleString("en")} agent certificates: issue them from an online CA`),
    );
  });

  it("round-trips through the CSV download, neutralising what a spreadsheet would run", () => {
    const input = replaceAgents(defaultInput(), ["web-01", "db-01"]);
    const csv = agentListCsv(input.agents.rows);
    assert.equal(csv, "cn\nweb-01\ndb-01\n");
    assert.deepEqual(read(csv).names, ["web-01", "db-01"]);
    const hostile = agentListCsv([{ id: "a1", commonName: '=HYPERLINK("x","y")' }]);
    assert.equal(hostile, 'cn\n"\'=HYPERLINK(""x"",""y"")"\n');
  });

  it("replaces the rows with fresh ids, so a later edit changes one row", () => {
    const input = replaceAgents(defaultInput(), ["a", "b", "c"]);
    assert.deepEqual(
      input.agents.rows.map((r) => r.id),
      ["a1", "a2", "a3"],
    );
  });
});
