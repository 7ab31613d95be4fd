import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { mapInFlight } from "./in-flight";

describe("calls in flight", () => {
  it("keeps input order, never exceeds the limit, and uses it", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapInFlight([5, 1, 4, 2, 3, 0, 6], 3, async (n, i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return `${i}:${n}`;
    });
    assert.deepEqual(out, ["0:5", "1:1", "2:4", "3:2", "4:3", "5:0", "6:6"]);
    assert.equal(peak, 3);
  });

  it("rejects with the first failure and handles an empty list", async () => {
    assert.deepEqual(await mapInFlight([], 4, async () => 1), []);
    await assert.rejects(
      mapInFlight([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error("boom");
        return n;
      }),
      /boom/,
    );
  });
});
