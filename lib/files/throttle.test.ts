import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { throttle } from "./throttle";

describe("throttle", () => {
  it("passes the first report, then one per interval, and always what `always` names", () => {
    let clock = 0;
    const seen: number[] = [];
    const report = throttle(
      (n: number) => seen.push(n),
      50,
      (n) => n >= 9,
      () => clock,
    );
    report(0); // t=0: first, passes
    clock = 10;
    report(1); // 10 ms later: dropped
    clock = 49;
    report(2); // dropped
    clock = 60;
    report(3); // 60 ms after the last passed: passes
    clock = 61;
    report(9); // named by `always`: passes
    clock = 62;
    report(10); // passes
    assert.deepEqual(seen, [0, 3, 9, 10]);
  });
});
