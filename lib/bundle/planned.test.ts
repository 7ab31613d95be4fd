import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { createCa } from "../pki/ca";
import { nodeCrypto } from "../pki/node-crypto";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { NOW } from "../wizard/test-helpers";
import { generateBundle } from "./generate";
import { plannedEntries } from "./planned";
import { guidePlan } from "./test-plan.test-helper";

let crypto: Crypto;
let corporate: ResolvedPlan;

before(async () => {
  crypto = await nodeCrypto();
  const root = await createCa(crypto, NOW, {
    commonName: "Example Corp Root",
    validityHours: 87600,
    algorithm: "ecdsa-p256",
  });
  corporate = guidePlan((i) => ({
    ...i,
    plan: { ...i.plan, caLayout: "single" },
    api: { ...i.api, dashboard: "issue" },
    ca: { ...i.ca, source: "corporate", corporate: { ...i.ca.corporate, caPem: root.certificate.toString("pem") } },
  }));
});

describe("the planned file tree in the corporate CA's first step", () => {
  it("lists the keys-and-CSRs zip: a request and a key per certificate, no host folder", () => {
    assert.equal(corporate.corporateLeaves, undefined, "nothing signed yet");
    assert.deepEqual(
      plannedEntries(corporate).map((e) => [e.path, e.mode.toString(8), e.kind]),
      [
        ["README.md", "644", "document"],
        ["sensu-tls-plan.json", "644", "document"],
        ...["backend-1.example.com", "backend-2.example.com", "backend-3.example.com", "dashboard", "agent"].flatMap(
          (stem) => [
            [`csr/${stem}.csr`, "644", "csr"],
            [`csr/${stem}-key.pem`, "600", "private-key"],
          ],
        ),
      ],
    );
  });

  it("matches what step 1 downloads, file for file", async () => {
    const bundle = await generateBundle(crypto, NOW, corporate);
    assert.deepEqual(
      plannedEntries(corporate).map((e) => [e.path, e.mode, e.kind, e.purpose, e.host]),
      bundle.entries.map((e) => [e.path, e.mode, e.kind, e.purpose, e.host]),
    );
  });
});
