import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ASSETS_READER } from "./assets-reader";
import { type CaChecks, type ExistingCaCheck, existingCaKey, NO_CA_CHECKS, withExistingCheck } from "./ca-checks";
import { CA_PEM_READER } from "./ca-pem-reader";
import { defaultInput, type WizardInput } from "./model";
import { parseWizard } from "./parse";
import { NOW } from "./test-helpers";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";

const passed = (notAfter: string): ExistingCaCheck => ({
  ok: true,
  field: "certPem",
  message: "",
  commonName: "Loaded CA",
  algorithm: "ecdsa-p256",
  notAfter,
  fingerprint: "AB:".repeat(31) + "AB",
  notices: [],
});

function loadedInput(keyPem = KEY): WizardInput {
  const input = defaultInput();
  input.plan.caLayout = "single";
  input.ca = { ...input.ca, source: "existing", existing: { certPem: CERT, keyPem } };
  return input;
}

const parse = (input: WizardInput, caChecks: CaChecks) =>
  parseWizard(input, { now: NOW, caChecks, readCaPem: CA_PEM_READER, parseAssets: ASSETS_READER });

describe("CA checks beside the input", () => {
  it("wait for the page's verification of exactly these texts", () => {
    const state = parse(loadedInput(), NO_CA_CHECKS);
    assert.deepEqual(
      state.steps.ca.errors.map((e) => e.message),
      ["Checking the CA certificate and key…"],
    );
    assert.equal(state.resolved.ok, false);
  });

  it("sign with the loaded CA once its check passed, and cap leaves at its expiry", () => {
    const input = loadedInput();
    const checks = withExistingCheck(NO_CA_CHECKS, existingCaKey(input.ca.existing), passed("2026-03-01T00:00:00Z"));
    const state = parse(input, checks);
    assert.ok(state.resolved.ok);
    assert.equal(state.resolved.plan.ca.commonName, "Loaded CA");
    assert.equal(state.resolved.plan.ca.existing?.keyPem, KEY);
    // 44.5 days from NOW to the CA's end: the default 4320 hours are cut to fit.
    assert.equal(state.resolved.plan.backendValidityHours, 1068);
    assert.match(state.steps.backends.warnings[0]?.message ?? "", /Shortened from 4320 to 1068 hours/);
  });

  it("ignore a result for texts that have changed since: a new key is checked again", () => {
    const old = loadedInput();
    const checks = withExistingCheck(NO_CA_CHECKS, existingCaKey(old.ca.existing), passed("2030-01-01T00:00:00Z"));
    const edited = loadedInput(KEY.replace("MIIE", "MIIF"));
    assert.equal(parse(edited, checks).resolved.ok, false);
    assert.match(parse(edited, checks).steps.ca.errors[0]?.message ?? "", /^Checking the CA/);
  });

  it("are never part of the input, so nothing about them is saved", () => {
    const input = loadedInput();
    assert.deepEqual(Object.keys(input.ca.existing).sort(), ["certPem", "keyPem"]);
  });

  it("judge a passed CA against the clock: one that expired while the tab was open is refused at its field", () => {
    const input = loadedInput();
    const checks = withExistingCheck(NO_CA_CHECKS, existingCaKey(input.ca.existing), passed("2026-01-10T00:00:00Z"));
    const state = parse(input, checks);
    assert.equal(state.resolved.ok, false);
    assert.deepEqual(
      state.steps.ca.errors.map((e) => e.field),
      ["ca.existing.certPem"],
    );
    assert.match(state.steps.ca.errors[0]?.message ?? "", /"Loaded CA" expired on 2026-01-10/);
  });

  it("say at its field when the organization's CA certificate does not parse", () => {
    const input = defaultInput();
    input.plan.caLayout = "single";
    input.ca = { ...input.ca, source: "corporate", corporate: { ...input.ca.corporate, caPem: CERT } };
    const state = parse(input, NO_CA_CHECKS);
    assert.equal(state.resolved.ok, false);
    assert.deepEqual(
      state.steps.ca.errors.map((e) => e.field),
      ["ca.corporate.caPem"],
    );
    assert.match(state.steps.ca.errors[0]?.message ?? "", /^failed to read this CA certificate/);
  });
});
