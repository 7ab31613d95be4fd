import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { generateBundle } from "../bundle/generate";
import { requireTool, run, unzipBundle } from "../bundle/unzipped.test-helper";
import { nodeCrypto } from "../pki/node-crypto";
import { parseConfig } from "../sensu/yaml";
import { type CaChecks, existingCaKey, NO_CA_CHECKS, withExistingCheck } from "./ca-checks";
import { defaultInput, type WizardInput } from "./model";
import { checkStep } from "./test-helpers";
import { verifyExistingCa } from "./verify-existing-ca";

/** The page's CA verifications, beside the input, keyed by the texts they were made for. */
let caChecks: CaChecks = NO_CA_CHECKS;
import { resolvePlan } from "./resolve-plan";

let dir: string;
let crypto: Crypto;
const cleanups: (() => void)[] = [];
before(async () => {
  requireTool("openssl");
  crypto = await nodeCrypto();
  dir = mkdtempSync(join(tmpdir(), "sensu-crl-"));
});
after(() => {
  for (const c of cleanups) c();
  rmSync(dir, { recursive: true, force: true });
});

function openssl(...args: string[]) {
  return run("openssl", args, { cwd: dir });
}

async function existingPair(name: string) {
  assert.equal(
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", `${name}-key.pem`).code,
    0,
  );
  assert.equal(
    openssl(
      "req",
      "-x509",
      "-new",
      "-key",
      `${name}-key.pem`,
      "-subj",
      `/CN=${name}`,
      "-days",
      "365",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
      "-out",
      `${name}.pem`,
    ).code,
    0,
  );
  const pair = {
    certPem: readFileSync(join(dir, `${name}.pem`), "utf8"),
    keyPem: readFileSync(join(dir, `${name}-key.pem`), "utf8"),
  };
  caChecks = withExistingCheck(
    caChecks,
    existingCaKey(pair),
    await verifyExistingCa(crypto, new Date(), pair, "ca-key.pem"),
  );
  return pair;
}

async function bundleFor(input: WizardInput) {
  const resolved = resolvePlan(input, new Date(), caChecks);
  assert.ok(resolved.ok, resolved.ok ? "" : resolved.steps.join());
  const unzipped = unzipBundle(await generateBundle(crypto, new Date(), resolved.plan));
  cleanups.push(unzipped.cleanup);
  return (p: string) => join(unzipped.dir, "files", p);
}

describe("revoking an agent certificate with the existing agent CA", () => {
  it("signs a CRL openssl verifies, which rejects the revoked certificate and accepts the renewed one", async () => {
    const input = defaultInput();
    input.plan.keyAlgorithm = "ecdsa-p256";
    input.ca = {
      ...input.ca,
      source: "existing",
      existing: await existingPair("Corp CA"),
      agentExisting: await existingPair("Corp Agent CA"),
    };
    const before = await bundleFor(input);
    const serial = openssl("x509", "-noout", "-serial", "-in", before("agents/agent/etc/sensu/tls/agent.pem"))
      .stdout.trim()
      .replace(/^serial=/, "");

    const url = "http://pki.example.com/agent-ca.crl";
    const revoking: WizardInput = {
      ...input,
      revocation: { ...input.revocation, revoke: serial, crlIssuer: "agent-ca", crlUrl: url, cdpInNewCerts: true },
    };
    assert.deepEqual(checkStep("revocation", revoking, new Date()).errors, []);
    const after = await bundleFor(revoking);
    const crl = after("ca/agent-ca.crl");
    const agentCa = join(dir, "Corp Agent CA.pem");

    const verified = openssl("crl", "-verify", "-noout", "-CAfile", agentCa, "-in", crl);
    assert.match(verified.out, /verify OK/);
    assert.match(openssl("crl", "-noout", "-text", "-in", crl).out, new RegExp(`Serial Number: ${serial}`, "i"));
    const revoked = openssl(
      "verify",
      "-crl_check",
      "-CAfile",
      agentCa,
      "-CRLfile",
      crl,
      before("agents/agent/etc/sensu/tls/agent.pem"),
    );
    assert.notEqual(revoked.code, 0);
    assert.match(revoked.out, /certificate revoked/);
    const renewed = openssl(
      "verify",
      "-crl_check",
      "-CAfile",
      agentCa,
      "-CRLfile",
      crl,
      after("agents/agent/etc/sensu/tls/agent.pem"),
    );
    assert.equal(renewed.code, 0, renewed.out);

    assert.match(
      openssl("x509", "-noout", "-ext", "crlDistributionPoints", "-in", after("agents/agent/etc/sensu/tls/agent.pem"))
        .out,
      /URI:http:\/\/pki\.example\.com\/agent-ca\.crl/,
    );
    assert.doesNotMatch(
      openssl(
        "x509",
        "-noout",
        "-ext",
        "crlDistributionPoints",
        "-in",
        after("backends/backend-1/etc/sensu/tls/backend-1.example.com.pem"),
      ).out,
      /URI:/,
      "backend certificates come from the other CA",
    );
    const config = parseConfig(readFileSync(after("backends/backend-2/etc/sensu/backend.yml"), "utf8"));
    assert.deepEqual(config["agent-auth-crl-urls"], [url]);
  });

  it("refuses to revoke without the issuing CA, or without a URL to publish at", () => {
    const input = defaultInput();
    const errors = checkStep(
      "revocation",
      { ...input, revocation: { ...input.revocation, revoke: "0A:1B" } },
      new Date(),
    ).errors;
    assert.ok(errors.some((e) => e.field === "revocation.revoke" && /Use an existing CA/.test(e.message)));
    assert.ok(errors.some((e) => e.field === "revocation.crlUrl" && /Enter the URL/.test(e.message)));
    const bad = checkStep(
      "revocation",
      { ...input, revocation: { ...input.revocation, revoke: "xyz", crlUrl: "ftp://a/b", cdpInNewCerts: false } },
      new Date(),
    ).errors;
    assert.ok(bad.some((e) => /"xyz" is not a serial number/.test(e.message)));
    assert.ok(bad.some((e) => /http:\/\/ or https:\/\//.test(e.message)));
    const noUrl = checkStep(
      "revocation",
      { ...input, revocation: { ...input.revocation, cdpInNewCerts: true } },
      new Date(),
    ).errors;
    assert.ok(noUrl.some((e) => e.field === "revocation.cdpInNewCerts"));
  });
});
