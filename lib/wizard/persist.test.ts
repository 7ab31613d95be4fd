import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultInput } from "./model";
import { loadOrDefault, parseSavedInput, parseVisited, serializeInput } from "./persist";
import { patchBackend } from "./update";

describe("persisted inputs", () => {
  it("round-trip, bad values included, so a reload loses nothing", () => {
    const input = patchBackend(defaultInput(), "b1", { ips: "555.1.1.1" });
    assert.deepEqual(parseSavedInput(serializeInput(input)), input);
  });

  it("refuse anything that is not a saved input of this schema", () => {
    const good = JSON.parse(serializeInput(defaultInput()));
    const broken = [
      null,
      "",
      "{",
      "[]",
      JSON.stringify({ ...good, schemaVersion: 2 }),
      JSON.stringify({ ...good, plan: { ...good.plan, keyAlgorithm: "dsa-1024" } }),
      JSON.stringify({ ...good, backends: { ...good.backends, rows: [{ id: "x" }] } }),
      JSON.stringify({ ...good, agents: { rows: "agent", validityHours: "1" } }),
    ];
    for (const text of broken) assert.equal(parseSavedInput(text), null, String(text));
    assert.deepEqual(loadOrDefault("{"), defaultInput());
  });

  it("hold no key material: only the documented fields", () => {
    const text = serializeInput(defaultInput());
    assert.doesNotMatch(text, /PRIVATE KEY|BEGIN/);
    assert.deepEqual(Object.keys(JSON.parse(text)).sort(), ["agents", "backends", "ca", "plan", "schemaVersion"]);
  });

  it("visited steps drop unknown ids", () => {
    assert.deepEqual(parseVisited(JSON.stringify(["ca", "nope", "plan"])), ["plan", "ca"]);
    assert.deepEqual(parseVisited("garbage"), []);
  });
});
