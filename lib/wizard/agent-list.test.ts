import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { parseAgentList } from "./agent-list";
import { NO_CA_CHECKS } from "./ca-checks";
import { defaultInput } from "./model";
import { parseSteps } from "./parse";
import { NOW } from "./test-helpers";
import { replaceAgents } from "./update";

const names = (text: string) => {
  const r = parseAgentList(text);
  assert.ok(r.ok, r.ok ? "" : r.message);
  return r.commonNames;
};

describe("an agent list loaded from a file", () => {
  it("reads one name per line, skipping blank lines and # comments", () => {
    assert.deepEqual(names("\uFEFF# web tier\nwebservers\r\n\n  databases  \n#old\nqueues\n"), [
      "webservers",
      "databases",
      "queues",
    ]);
  });

  it("reads the CN column of a CSV export by its header, quoted cells included", () => {
    assert.deepEqual(names('host,cn,team\nweb-1,webservers,ops\n"db, primary","data""bases",dba\n'), [
      "webservers",
      'data"bases',
    ]);
    assert.deepEqual(names("Common Name;owner\nagent-a;x\nagent-b;y\n"), ["agent-a", "agent-b"]);
  });

  it("takes the first column of a CSV without a known header, every row a name", () => {
    assert.deepEqual(names("alpha,team-a\nbeta,team-b\n,\n"), ["alpha", "beta"]);
  });

  it("keeps an empty name in a row with data, so the Agents step names the row", () => {
    const input = replaceAgents(defaultInput(), names("cn,team\nweb,ops\n,dba\n"));
    const agents = parseSteps(input, { now: NOW, caChecks: NO_CA_CHECKS }).agents;
    assert.deepEqual(
      agents.errors.map((e) => [e.field, e.message]),
      [["agents.rows.a2.commonName", "Enter a common name."]],
    );
  });

  it("says why a list cannot be read", () => {
    assert.deepEqual(parseAgentList("# nothing\n\n"), {
      ok: false,
      message: "The list holds no agent name: put one certificate CN per line.",
    });
    assert.deepEqual(parseAgentList('cn,team\n"web,ops\n'), {
      ok: false,
      message: "Line 2: a quoted cell is not closed.",
    });
    assert.deepEqual(parseAgentList("cn,team\n"), {
      ok: false,
      message: 'The list holds no agent name in its "cn" column.',
    });
  });
});
