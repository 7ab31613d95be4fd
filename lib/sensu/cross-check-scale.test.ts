import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { crossCheckInput } from "../bundle/cross-check-input";
import { issuedPems } from "../bundle/generate";
import { buildManifest } from "../bundle/manifest";
import { guidePlan } from "../bundle/test-plan.test-helper";
import { nodeCrypto } from "../pki/node-crypto";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { NOW } from "../wizard/test-helpers";
import { replaceAgents } from "../wizard/update";
import { crossCheck } from "./cross-check";

const AGENTS = 1_000;
const BACKENDS = 3;

/** A provider whose signature checks are counted: the cost that grows with the fleet. */
function countingCrypto(crypto: Crypto): { crypto: Crypto; verifies: () => number } {
  let count = 0;
  const subtle = new Proxy(crypto.subtle, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === "verify") {
        return (...args: Parameters<SubtleCrypto["verify"]>) => {
          count++;
          return target.verify(...args);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const wrapped = new Proxy(crypto, { get: (t, k) => (k === "subtle" ? subtle : Reflect.get(t, k, t)) });
  return { crypto: wrapped as Crypto, verifies: () => count };
}

describe("the cross-check at fleet scale", () => {
  let crypto: Crypto;
  let plan: ResolvedPlan;
  before(async () => {
    crypto = await nodeCrypto();
    plan = guidePlan((input) =>
      replaceAgents(
        input,
        Array.from({ length: AGENTS }, (_, i) => `agent-${i}`),
      ),
    );
  });

  it("verifies each signature once, not once per agent and backend pair", async () => {
    const pems = await issuedPems(crypto, NOW, plan, () => {});
    const counted = countingCrypto(crypto);
    const rows = await crossCheck(counted.crypto, crossCheckInput(plan, buildManifest(plan, pems, NOW), NOW));
    assert.equal(rows.filter((r) => r.kind === "agent").length, AGENTS * BACKENDS, "every agent dials every backend");
    assert.deepEqual(
      rows.filter((r) => r.status === "fail").map((r) => r.id),
      [],
    );
    // Each agent certificate against the agent CA once, plus a handful per backend (its certificate
    // against the CA, etcd peers and clients); checked per pair, it was about 2 × 1,000 × 3.
    assert.ok(counted.verifies() >= AGENTS, `${counted.verifies()} signature checks cannot cover ${AGENTS} agents`);
    assert.ok(counted.verifies() <= AGENTS + 10 * BACKENDS, `${counted.verifies()} signature checks`);
  });
});
