import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { type RotationBundles, rotationBundles } from "../bundle/ca-rotation.test-helper";
import { PLAN_FILE } from "../bundle/common-entries";
import { guidePlan } from "../bundle/test-plan.test-helper";
import { createCa } from "../pki/ca";
import { nodeCrypto } from "../pki/node-crypto";
import { privateKeyPem, withNewline } from "../pki/pem";
import { type CaChecks, existingCaKey, NO_CA_CHECKS, withExistingCheck } from "./ca-checks";
import { defaultCaLifecycle, type WizardInput } from "./model";
import { ACTION_FIELD, NEW_NAME_FIELD, PREVIOUS_CA_FIELD } from "./parse-ca-lifecycle";
import { parsePlanFile } from "./plan-file";
import { resolvePlan } from "./resolve-plan";
import { resumeRotation } from "./resume-rotation";
import { checkStep, inputWith, NOW } from "./test-helpers";
import { verifyExistingCa } from "./verify-existing-ca";

let crypto: Crypto;
let b: RotationBundles;
before(async () => {
  crypto = await nodeCrypto();
  b = await rotationBundles(crypto, NOW, guidePlan());
});

const planOf = (bundle: RotationBundles["phase1"]) => {
  const text = bundle.entries.find((e) => e.path === PLAN_FILE)?.content ?? "";
  const parsed = parsePlanFile(text);
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.message);
  return parsed.value;
};

/** The input as the plan file loader leaves it, with `ca` loaded on Create a CA and checked. */
async function loaded(
  bundle: RotationBundles["phase1"],
  ca: { certPem: string; keyPem: string },
  change: (i: WizardInput) => void = () => {},
): Promise<{ input: WizardInput; checks: CaChecks }> {
  const plan = planOf(bundle);
  const input = resumeRotation(
    {
      ...plan.input,
      ca: { ...plan.input.ca, source: "existing", expectedFingerprints: { ca: plan.caFingerprints.ca, agentCa: "" } },
    },
    plan.caFingerprints,
  );
  input.ca.existing = ca;
  change(input);
  const check = await verifyExistingCa(crypto, NOW, ca, "ca-key.pem");
  return { input, checks: withExistingCheck(NO_CA_CHECKS, existingCaKey(ca), check) };
}

const pem = (bundle: RotationBundles["phase1"], path: string) =>
  bundle.entries.find((e) => e.path === path)?.content ?? "";

describe("the Renew step's CA lifecycle", () => {
  it("refuses a rotation or renewal without a loaded CA, at the choice", () => {
    const input = inputWith((i) => (i.renew.ca = { ...defaultCaLifecycle(), action: "rotate" }));
    assert.match(checkStep("renew", input).errors.find((e) => e.field === ACTION_FIELD)?.message ?? "", /existing CA/);
  });

  it("after phase 1's plan file: offers phase 2, keeps the old CA as the one still trusted", async () => {
    const newCa = { certPem: pem(b.phase1, "ca/ca.pem"), keyPem: pem(b.phase1, "ca/ca-key.pem") };
    const { input, checks } = await loaded(b.phase1, newCa);
    assert.equal(input.renew.ca?.previousCaPem, b.oldCa.certPem);
    const r = resolvePlan(input, NOW, checks);
    assert.ok(r.ok, r.ok ? "" : r.steps.join());
    assert.deepEqual(r.plan.caTransition, { kind: "rotate", phase: 2, previousCaPem: b.oldCa.certPem });
  });

  it("refuses the old CA at phase 2, at the CA certificate's field", async () => {
    const { input, checks } = await loaded(b.phase1, { certPem: b.oldCa.certPem, keyPem: b.oldCa.keyPem });
    const errors = checkStep("ca", input, NOW, checks).errors;
    assert.match(errors.find((e) => e.field === "ca.existing.certPem")?.message ?? "", /Phase 2 .* new CA/);
  });

  it("refuses an old-CA certificate that is not the rotation's, at its field", async () => {
    const newCa = { certPem: pem(b.phase1, "ca/ca.pem"), keyPem: pem(b.phase1, "ca/ca-key.pem") };
    const { input, checks } = await loaded(b.phase1, newCa, (i) => (i.renew.ca!.previousCaPem = newCa.certPem));
    const errors = checkStep("renew", input, NOW, checks).errors;
    assert.match(errors.find((e) => e.field === PREVIOUS_CA_FIELD)?.message ?? "", /not the old CA/);
  });

  it("after phase 2's plan file: offers phase 3", async () => {
    const newCa = { certPem: pem(b.phase1, "ca/ca.pem"), keyPem: pem(b.phase1, "ca/ca-key.pem") };
    const { input, checks } = await loaded(b.phase2, newCa);
    const r = resolvePlan(input, NOW, checks);
    assert.ok(r.ok);
    assert.deepEqual(r.plan.caTransition, { kind: "rotate", phase: 3, previousFingerprint: b.oldCa.fingerprint });
  });

  it("phase 1 needs a new CA name other than the old one", async () => {
    const { input, checks } = await loaded(b.phase0, b.oldCa, (i) => {
      i.renew.ca = { ...defaultCaLifecycle(), action: "rotate", newCommonName: "Sensu Old CA" };
    });
    const errors = checkStep("renew", input, NOW, checks).errors;
    assert.match(errors.find((e) => e.field === NEW_NAME_FIELD)?.message ?? "", /other than/);
  });

  it("a plan file whose rotation does not hold together is refused", () => {
    const text = JSON.parse(b.phase1.entries.find((e) => e.path === PLAN_FILE)?.content ?? "{}");
    text.caFingerprints.rotation.to = text.caFingerprints.rotation.from;
    const parsed = parsePlanFile(JSON.stringify(text));
    assert.equal(parsed.ok, false);
  });
});

describe("the CA's days left", () => {
  it("recommends a renewal once the CA has fewer days left than backend certificates last", async () => {
    const { input, checks } = await loaded(b.phase0, b.oldCa, (i) => {
      i.backends.validityHours = String(24 * 365 * 6);
    });
    const warnings = checkStep("renew", input, NOW, checks).warnings;
    assert.match(
      warnings.find((w) => w.field === ACTION_FIELD)?.message ?? "",
      /fewer than the 2190 days .* Start its renewal/,
    );
    input.backends.validityHours = "4320";
    assert.equal(
      checkStep("renew", input, NOW, checks).warnings.some((w) => w.field === ACTION_FIELD),
      false,
    );
  });
});

describe("the agent CA's lifecycle (separate layout)", () => {
  it("refuses a wrong agent CA at phase 2 at its own field, and resolves phase 2 with the right one", async () => {
    const newCa = { certPem: pem(b.phase1, "ca/ca.pem"), keyPem: pem(b.phase1, "ca/ca-key.pem") };
    const newFingerprint = planOf(b.phase1).caFingerprints.ca;
    const base = inputWith((i) => {
      i.plan.caLayout = "separate";
      i.plan.keyAlgorithm = "ecdsa-p256";
      i.ca.source = "existing";
      i.ca.existing = b.oldCa;
    });
    const record = { from: b.oldCa.fingerprint, to: newFingerprint, phase: 1 as const };
    const resumed = resumeRotation(
      { ...base, ca: { ...base.ca, agentExisting: { certPem: b.oldCa.certPem, keyPem: "" } } },
      { ca: b.oldCa.fingerprint, agentCa: newFingerprint, agentRotation: record },
    );
    assert.equal(resumed.renew.agentCa?.previousCaPem, b.oldCa.certPem);
    assert.equal(resumed.ca.agentExisting.certPem, "");
    assert.equal(resumed.renew.ca, undefined, "the CA's own part is untouched");
    const withAgent = (agent: { certPem: string; keyPem: string }) => ({
      ...resumed,
      ca: { ...resumed.ca, agentExisting: agent },
    });
    const checksFor = async (agent: { certPem: string; keyPem: string }) => {
      let checks = withExistingCheck(
        NO_CA_CHECKS,
        existingCaKey(b.oldCa),
        await verifyExistingCa(crypto, NOW, b.oldCa, "ca-key.pem"),
      );
      checks = withExistingCheck(
        checks,
        existingCaKey(agent),
        await verifyExistingCa(crypto, NOW, agent, "agent-ca-key.pem"),
      );
      return checks;
    };
    // The old CA as "new agent CA": refused at the agent CA's certificate.
    const other = await loadedOther();
    const wrong = withAgent(other);
    const errors = checkStep("ca", wrong, NOW, await checksFor(other)).errors;
    assert.match(
      errors.find((e) => e.field === "ca.agentExisting.certPem")?.message ?? "",
      /Phase 2 of the agent CA rotation/,
    );
    const right = withAgent(newCa);
    const r = resolvePlan(right, NOW, await checksFor(newCa));
    assert.ok(r.ok, r.ok ? "" : r.steps.join());
    assert.equal(r.plan.caTransition, undefined);
    assert.deepEqual(r.plan.agentCaTransition, { kind: "rotate", phase: 2, previousCaPem: b.oldCa.certPem });
  });
});

/** A CA that is neither side of the rotation. */
async function loadedOther(): Promise<{ certPem: string; keyPem: string }> {
  const ca = await createCa(crypto, NOW, { commonName: "Stranger CA", validityHours: 43800, algorithm: "ecdsa-p256" });
  return {
    certPem: withNewline(ca.certificate.toString("pem")),
    keyPem: await privateKeyPem(crypto, ca.keys.privateKey),
  };
}
