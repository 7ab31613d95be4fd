import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { planFileJson, planFileYaml } from "../plan/plan-file";
import { defaultInput } from "./model";
import { makePlanFile, parsePlanFile, type PlanFile } from "./plan-file";
import { patchBackend } from "./update";

const FP = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, "0").toUpperCase()).join(":");
const plan = () => makePlanFile(patchBackend(defaultInput(), "b1", { ips: "10.0.0.9" }), { ca: FP, agentCa: FP });
const message = (text: string) => {
  const r = parsePlanFile(text);
  assert.equal(r.ok, false, text);
  return r.ok ? "" : r.message;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test edits arbitrary fields of parsed JSON
const edited = (change: (p: any) => void) => {
  const p = JSON.parse(planFileJson(plan()));
  change(p);
  return JSON.stringify(p);
};

describe("plan files", () => {
  it("round-trip through JSON and YAML, and hold no secrets", () => {
    for (const text of [planFileJson(plan()), planFileYaml(plan())]) {
      const r = parsePlanFile(text);
      assert.ok(r.ok, r.ok ? "" : r.message);
      assert.deepEqual(r.value, plan());
      assert.doesNotMatch(text, /PRIVATE KEY|BEGIN/);
    }
    assert.match(planFileYaml(plan()), /^kind: sensu-tls-wizard-plan\nversion: 1\n/);
    assert.match(planFileYaml(plan()), /backendCount: '3'/, "numbers typed as text stay text");
    assert.deepEqual(Object.keys(plan() satisfies PlanFile), ["kind", "version", "caFingerprints", "input"]);
  });

  it("refuse another kind of file and one from a newer wizard", () => {
    assert.equal(
      message(edited((p) => (p.kind = "CheckConfig"))),
      'This is not a Sensu TLS Wizard plan file: kind is the string "CheckConfig", expected "sensu-tls-wizard-plan".',
    );
    assert.equal(
      message(edited((p) => (p.version = 2))),
      "The plan file is version 2, made by a newer wizard; this one reads version 1. Open it with the newer wizard.",
    );
    assert.match(message("{ nope"), /^failed to read the plan file: it is neither JSON nor YAML/);
    assert.match(message("- a list"), /should be a mapping/);
  });

  it("name the missing, extra or wrongly typed field", () => {
    assert.equal(message(edited((p) => delete p.input.ca.commonName)), "input.ca.commonName is missing.");
    assert.equal(
      message(edited((p) => (p.input.plan.password = "x"))),
      "input.plan.password is not a field of a version 1 plan file; remove it.",
    );
    assert.equal(
      message(planFileYaml(plan()).replace("backendCount: '3'", "backendCount: 3")),
      "input.plan.backendCount must be text (in quotes), not the number 3.",
    );
    assert.equal(
      message(edited((p) => (p.input.backends.rows[1].fqdn = null))),
      "input.backends.rows[1].fqdn must be text (in quotes), not empty.",
    );
    assert.match(
      message(edited((p) => (p.input.plan.keyAlgorithm = "dsa-1024"))),
      /^input\.plan\.keyAlgorithm must be one of "rsa-2048", .* not the string "dsa-1024"\.$/,
    );
    assert.equal(message(edited((p) => (p.version = "1"))), 'version must be 1, not the string "1".');
    assert.match(
      message(edited((p) => (p.caFingerprints.ca = "abc"))),
      /^caFingerprints\.ca must be a SHA-256 fingerprint/,
    );
    assert.equal(message(edited((p) => delete p.caFingerprints.ca)), "caFingerprints.ca is missing.");
  });

  it("keep persist.ts's rules between fields", () => {
    assert.match(
      message(edited((p) => (p.input.plan.backendCount = "2"))),
      /backendCount must equal the number of backend rows/,
    );
    const noAgentCa = edited((p) => delete p.caFingerprints.agentCa);
    assert.ok(parsePlanFile(noAgentCa).ok, "the agent CA's fingerprint is optional");
  });

  it("refuse a file listing more agent certificates than the form can show, saying how many", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}`, commonName: `agent-${i}` }));
    assert.match(
      message(edited((p) => (p.input.agents.rows = rows(20_000)))),
      /input lists 20,000 agent certificates; the wizard issues at most 10,000 in one plan\./,
    );
    assert.ok(parsePlanFile(edited((p) => (p.input.agents.rows = rows(10_000)))).ok);
  });

  it("accept a file from before CA checks left the input, dropping their check: null", () => {
    const older = JSON.parse(planFileJson(plan()));
    older.input.ca.existing.check = null;
    older.input.ca.agentExisting.check = null;
    older.input.ca.corporate.check = null;
    const r = parsePlanFile(JSON.stringify(older));
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.deepEqual(r.value.input, plan().input);
    older.input.ca.existing.check = { ok: true };
    assert.equal(message(JSON.stringify(older)), "input.ca.existing.check must be null, not a mapping.");
  });
});
