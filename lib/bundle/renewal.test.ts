import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { ResolvedPlan } from "../plan/resolved-plan";
import { setBackendCount } from "../wizard/update";
import { hostLayouts } from "./host-layout";
import { renewalMarkdown, renewalRunbook } from "./renewal";
import { guidePlan } from "./test-plan.test-helper";

const runbookOf = (plan: ResolvedPlan) => renewalRunbook(plan, hostLayouts(plan));
const markdownOf = (plan: ResolvedPlan) => renewalMarkdown(plan, hostLayouts(plan));

describe("the renewal runbook", () => {
  it("renews the backends one at a time in the cluster's order, cluster health after each, then the agents", () => {
    const titles = runbookOf(guidePlan()).map((s) => s.title);
    assert.deepEqual(titles, [
      "Why it cannot wait",
      "Issue new certificates with the same names",
      "Backend 1 of 3: backend-1 (backend-1.example.com)",
      "Backend 2 of 3: backend-2 (backend-2.example.com)",
      "Backend 3 of 3: backend-3 (backend-3.example.com)",
      'Agents using "agent", after every backend',
      "If backend certificates have already expired",
      "Afterwards",
      "The CA itself: renew in place, or rotate",
      "Each phase: the order",
      "Verify a phase",
      "Roll back a phase",
    ]);
    const [, , first, , last] = runbookOf(guidePlan());
    assert.equal(first?.commands?.at(-1), "sensuctl cluster health");
    assert.match(first?.paragraphs.join(" ") ?? "", /Only when every member is healthy, go on to backend-2/);
    assert.match(last?.paragraphs.join(" ") ?? "", /Then go on to the agents/);
  });

  it("states the plan's thresholds, why expiry matters, and how to re-issue with the same names", () => {
    const md = markdownOf(guidePlan((i) => ({ ...i, renew: { warningDays: "21", criticalDays: "5" } })));
    assert.match(md, /warn 21 days and turn critical 5 days before/);
    assert.match(md, /Expired agent certificates fail silently/);
    assert.match(md, /Expired backend certificates take etcd down/);
    assert.match(md, /load your plan file on the Plan step and your CA on Create a CA/);
    assert.match(
      md,
      /```sh\n# on backend-2\.example\.com, from the new bundle's backends\/backend-2\/ folder\nsudo bash install\.sh\n/,
    );
  });

  it("says a single backend's cluster is down while it restarts", () => {
    const [, , only] = runbookOf(guidePlan((i) => setBackendCount(i, "1")));
    assert.equal(only?.title, "Backend 1 of 1: backend-1 (backend-1.example.com)");
    assert.match(only?.paragraphs.join(" ") ?? "", /the cluster is down while it restarts/);
  });
});
