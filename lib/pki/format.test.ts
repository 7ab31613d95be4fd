import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { colonHex, daysUntil, formatUtc } from "./format";

describe("format", () => {
  it("prints dates in UTC, fingerprints as openssl does, and whole days left", () => {
    assert.equal(formatUtc(new Date("2026-01-15T12:34:56Z")), "2026-01-15 12:34 UTC");
    assert.equal(colonHex(Uint8Array.of(0, 171, 255)), "00:AB:FF");
    const now = new Date("2026-01-15T12:00:00Z");
    assert.equal(daysUntil(now, new Date("2026-01-16T11:59:59Z")), 0);
    assert.equal(daysUntil(now, new Date("2026-01-16T12:00:00Z")), 1);
    assert.equal(daysUntil(now, new Date("2026-01-15T11:00:00Z")), -1);
  });
});
