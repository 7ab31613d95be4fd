import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { agentIndexCsv, csvField } from "./agent-index";

describe("agents/index.csv", () => {
  it("quotes what RFC 4180 needs quoted and keeps formula prefixes from running in a spreadsheet", () => {
    assert.equal(csvField("web-1"), "web-1");
    assert.equal(csvField('a,"b"'), '"a,""b"""');
    assert.equal(csvField("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    assert.equal(csvField("+1"), "'+1");
    assert.equal(csvField("-1"), "'-1");
    assert.equal(csvField("@SUM(A1)"), "'@SUM(A1)");
    assert.equal(csvField("=a,b"), `"'=a,b"`);
  });

  it("lists each agent in plan order with its serial, expiry, fingerprint and folder", () => {
    const rows = new Map([
      ["b.example", { serial: "0b", notAfter: new Date("2027-01-02T03:04:05Z"), fingerprint: "AA:BB" }],
      ["a.example", { serial: "0a", notAfter: new Date("2027-01-01T00:00:00Z"), fingerprint: "CC:DD" }],
    ]);
    assert.equal(
      agentIndexCsv(["b.example", "a.example"], rows),
      "cn,serial,not_after,sha256_fingerprint,folder\r\n" +
        "b.example,0b,2027-01-02T03:04:05.000Z,AA:BB,agents/b.example/\r\n" +
        "a.example,0a,2027-01-01T00:00:00.000Z,CC:DD,agents/a.example/\r\n",
    );
    assert.throws(() => agentIndexCsv(["c.example"], rows), /nothing was issued for c\.example/);
  });
});
