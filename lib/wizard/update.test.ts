import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { defaultInput } from "./model";
import { addAgent, changeSensuVersion, patchBackend, removeAgent, setBackendCount, setRevocationCheck } from "./update";

describe("setBackendCount", () => {
  it("grows with the guide's example rows and shrinks from the end", () => {
    const five = setBackendCount(defaultInput(), "5");
    assert.deepEqual(
      five.backends.rows.map((r) => [r.name, r.ips]),
      [
        ["backend-1", "10.0.0.1"],
        ["backend-2", "10.0.0.2"],
        ["backend-3", "10.0.0.3"],
        ["backend-4", "10.0.0.4"],
        ["backend-5", "10.0.0.5"],
      ],
    );
    assert.equal(new Set(five.backends.rows.map((r) => r.id)).size, 5);
    const one = setBackendCount(five, "1");
    assert.deepEqual(
      one.backends.rows.map((r) => r.name),
      ["backend-1"],
    );
  });

  it("keeps the raw text and the rows when the count is invalid", () => {
    const edited = patchBackend(defaultInput(), "b2", { fqdn: "db.internal" });
    for (const raw of ["", "abc", "0", "99"]) {
      const next = setBackendCount(edited, raw);
      assert.equal(next.plan.backendCount, raw);
      assert.equal(next.backends.rows[1]?.fqdn, "db.internal");
    }
  });

  it("does not modify the input it was given", () => {
    const input = defaultInput();
    setBackendCount(input, "1");
    assert.equal(input.backends.rows.length, 3);
  });
});

describe("agents", () => {
  it("adds rows with fresh ids and removes by id", () => {
    let input = addAgent(addAgent(defaultInput()));
    const ids = input.agents.rows.map((r) => r.id);
    assert.equal(new Set(ids).size, 3);
    input = removeAgent(input, ids[1]!);
    assert.deepEqual(
      input.agents.rows.map((r) => r.id),
      [ids[0], ids[2]],
    );
    input = addAgent(input);
    assert.equal(new Set(input.agents.rows.map((r) => r.id)).size, 3);
  });
});

describe("changing the Sensu release", () => {
  it("drops a setting the release lacks with a notice, and keeps everything else", () => {
    const off = setRevocationCheck(patchBackend(defaultInput(), "b1", { fqdn: "kept.example.com" }), "off");
    const { input, notice } = changeSensuVersion(off, "6.0-6.3");
    assert.match(
      notice ?? "",
      /Sensu 6\.0 – 6\.3 has no enable-cert-revocation-check, so your revocation setting \("off"\) was dropped/,
    );
    assert.equal(input.revocation.check, "on");
    assert.equal(input.backends.rows[0]?.fqdn, "kept.example.com");
    assert.equal(changeSensuVersion(off, "6.12+").notice, null, "nothing to drop within the same key set");
    assert.equal(changeSensuVersion(input, "6.12+").notice, null, "gaining a key drops nothing");
    assert.equal(
      changeSensuVersion(defaultInput(), "5.21").notice,
      null,
      "the untouched default is not a choice to report",
    );
  });
});
