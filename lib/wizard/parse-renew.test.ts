import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { issuesFor } from "../plan/issues";
import { NO_CA_CHECKS } from "./ca-checks";
import { defaultInput, type WizardInput } from "./model";
import { parseSteps } from "./parse";
import { CRITICAL_FIELD, WARNING_FIELD } from "./parse-renew";
import { resolvePlan } from "./resolve-plan";
import { checkStep } from "./test-helpers";
import { NOW } from "./test-helpers";
import { patchRenew } from "./update";

const withThresholds = (warningDays: string, criticalDays: string): WizardInput =>
  patchRenew(defaultInput(), { warningDays, criticalDays });
const checkRenew = (input: WizardInput) => checkStep("renew", input);
const thresholdsOf = (input: WizardInput) => parseSteps(input, { now: NOW, caChecks: NO_CA_CHECKS }).renew.value.expiry;
const errorsAt = (input: WizardInput, field: string) => issuesFor(checkRenew(input).errors, field);

describe("the Renew step's expiry thresholds", () => {
  it("default to warning at 30 days and critical at 7, with no problem, and reach the resolved plan", () => {
    assert.deepEqual(checkRenew(defaultInput()), { errors: [], warnings: [] });
    const r = resolvePlan(defaultInput(), NOW);
    assert.ok(r.ok);
    assert.deepEqual(r.plan.expiry, { warningDays: 30, criticalDays: 7 });
    const custom = resolvePlan(withThresholds(" 45 ", "10"), NOW);
    assert.ok(custom.ok);
    assert.deepEqual(custom.plan.expiry, { warningDays: 45, criticalDays: 10 });
  });

  it("take whole numbers from 1 to 3650, each message at its own field", () => {
    assert.match(errorsAt(withThresholds("", "7"), WARNING_FIELD).join(), /Enter the warning threshold/);
    assert.match(
      errorsAt(withThresholds("30", "abc"), CRITICAL_FIELD).join(),
      /critical threshold in days must be a whole number/,
    );
    assert.match(errorsAt(withThresholds("2.5", "1"), WARNING_FIELD).join(), /whole number/);
    assert.match(errorsAt(withThresholds("30", "0"), CRITICAL_FIELD).join(), /at least 1/);
    assert.match(errorsAt(withThresholds("-3", "1"), WARNING_FIELD).join(), /cannot be negative/);
    assert.match(errorsAt(withThresholds("3651", "7"), WARNING_FIELD).join(), /at most 3650/);
    assert.deepEqual(checkRenew(withThresholds("3650", "1")).errors, []);
    const both = checkRenew(withThresholds("x", "y")).errors.map((e) => e.field);
    assert.deepEqual(both, [WARNING_FIELD, CRITICAL_FIELD]);
  });

  it("need the critical threshold below the warning threshold, said at the critical field", () => {
    for (const [w, c] of [
      ["7", "7"],
      ["7", "30"],
    ] as const) {
      const input = withThresholds(w, c);
      assert.deepEqual(errorsAt(input, WARNING_FIELD), []);
      assert.match(
        errorsAt(input, CRITICAL_FIELD).join(),
        new RegExp(`critical threshold \\(${c} days\\) must be fewer days than the warning threshold \\(${w} days\\)`),
      );
      assert.equal(thresholdsOf(input), null);
    }
  });

  it("block the plan (and so Generate) while wrong, through checkStep", () => {
    const input = withThresholds("7", "30");
    assert.equal(checkStep("renew", input, NOW).errors.length, 1);
    const r = resolvePlan(input, NOW);
    assert.deepEqual(r.ok ? [] : r.steps, ["renew"]);
  });

  it("warn, without blocking, when certificates live no longer than the warning threshold", () => {
    const input = { ...withThresholds("200", "7"), agents: { ...defaultInput().agents, validityHours: "720" } };
    const { errors, warnings } = checkRenew(input);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      warnings.map((w) => w.field),
      [WARNING_FIELD],
    );
    assert.match(
      warnings[0]?.message ?? "",
      /^Backend certificates last 180 days, agent certificates last 30 days: the check warns from the day they are issued/,
    );
  });
});
