import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { throttle } from "../files/throttle";
import { isFinalStep, type Progress } from "./issue-all";

describe("generation progress, throttled as the Worker sends it", () => {
  it("passes the first report, then one per interval, and always packaging and Done", () => {
    let clock = 0;
    const seen: Progress[] = [];
    const report = throttle(
      (p: Progress) => seen.push(p),
      50,
      isFinalStep,
      () => clock,
    );
    const step = (done: number, label = `Issuing agent ${done}`) => report({ done, total: 10, label });
    step(0); // t=0: first, passes
    clock = 10;
    step(1); // 10 ms later: dropped
    clock = 49;
    step(2); // dropped
    clock = 60;
    step(3); // 60 ms after the last passed: passes
    clock = 61;
    step(9, "Packaging the bundle"); // the step after the last key: always passes
    clock = 62;
    step(10, "Done"); // always passes
    assert.deepEqual(
      seen.map((p) => p.done),
      [0, 3, 9, 10],
    );
  });
});
