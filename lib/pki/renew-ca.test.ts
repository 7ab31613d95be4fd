import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { requireTool, run } from "../bundle/unzipped.test-helper";
import type { KeyAlgorithmId } from "./algorithms";
import { createCa } from "./ca";
import { issueLeaf } from "./issue";
import { nodeCrypto } from "./node-crypto";
import { renewCa } from "./renew-ca";
import { AuthorityKeyIdentifierExtension, SubjectKeyIdentifierExtension } from "./x509";

const NOW = new Date("2026-01-15T12:00:00Z");
const LATER = new Date("2030-06-01T12:00:00Z");
let crypto: Crypto;
let dir: string;
before(async () => {
  requireTool("openssl");
  crypto = await nodeCrypto();
  dir = mkdtempSync(join(tmpdir(), "renew-ca-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const hex = (b: ArrayBuffer) => Buffer.from(b).toString("hex");

for (const algorithm of ["rsa-2048", "ecdsa-p256"] as KeyAlgorithmId[]) {
  describe(`renewing a ${algorithm} CA in place`, () => {
    it("keeps subject, public key and SKI, and ends later", async () => {
      const ca = await createCa(crypto, NOW, { commonName: "Sensu CA, Ops", validityHours: 43800, algorithm });
      const renewed = await renewCa(crypto, LATER, ca, 43800);
      assert.equal(renewed.certificate.subject, ca.certificate.subject);
      assert.equal(hex(renewed.certificate.publicKey.rawData), hex(ca.certificate.publicKey.rawData));
      const ski = (c: typeof ca) => c.certificate.getExtension(SubjectKeyIdentifierExtension)?.keyId;
      assert.ok(ski(ca));
      assert.equal(ski(renewed), ski(ca));
      assert.ok(renewed.certificate.notAfter > ca.certificate.notAfter);
      assert.notEqual(renewed.certificate.serialNumber, ca.certificate.serialNumber);
    });

    it("verifies (openssl -x509_strict) a leaf the old CA certificate issued, whose AKI names the same key", async () => {
      const ca = await createCa(crypto, NOW, { commonName: "Sensu CA", validityHours: 43800, algorithm });
      const leaf = await issueLeaf(crypto, NOW, ca, {
        profile: "backend",
        commonName: "backend-1.example.com",
        sans: [{ kind: "dns", value: "backend-1.example.com" }],
        validityHours: 4320,
        algorithm,
      });
      const renewed = await renewCa(crypto, NOW, ca, 87600);
      const aki = leaf.certificate.getExtension(AuthorityKeyIdentifierExtension)?.keyId;
      assert.equal(aki, renewed.certificate.getExtension(SubjectKeyIdentifierExtension)?.keyId);
      const renewedPath = join(dir, `renewed-${algorithm}.pem`);
      const leafPath = join(dir, `leaf-${algorithm}.pem`);
      writeFileSync(renewedPath, renewed.certificate.toString("pem"));
      writeFileSync(leafPath, leaf.certificate.toString("pem"));
      const at = String(Math.floor(NOW.getTime() / 1000) + 3600);
      const out = run("openssl", ["verify", "-x509_strict", "-attime", at, "-CAfile", renewedPath, leafPath]);
      assert.equal(out.code, 0, out.out);
      // The control: a CA with the same name but another key must not verify it.
      const other = await createCa(crypto, NOW, { commonName: "Sensu CA", validityHours: 43800, algorithm });
      const otherPath = join(dir, `other-${algorithm}.pem`);
      writeFileSync(otherPath, other.certificate.toString("pem"));
      const refused = run("openssl", ["verify", "-x509_strict", "-attime", at, "-CAfile", otherPath, leafPath]);
      assert.notEqual(refused.code, 0);
    });
  });
}
