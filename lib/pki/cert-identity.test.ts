import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { createCa } from "./ca";
import { certIdentity } from "./cert-identity";
import { fingerprintSha256 } from "./describe-cert";
import { nodeCrypto } from "./node-crypto";

describe("a certificate's identity without x509", () => {
  it("gives the fingerprint and CN x509 gives", async () => {
    const crypto = await nodeCrypto();
    const ca = await createCa(crypto, new Date("2026-01-15T12:00:00Z"), {
      commonName: "Sensu CA Ünïcode",
      validityHours: 100,
      algorithm: "ecdsa-p256",
    });
    const id = certIdentity(ca.certificate.toString("pem"));
    assert.ok(id.ok);
    assert.equal(id.fingerprint, await fingerprintSha256(crypto, ca.certificate));
    assert.equal(id.commonName, "Sensu CA Ünïcode");
  });

  it("is not ok for no certificate, two, a key, or a truncated one", async () => {
    const crypto = await nodeCrypto();
    const ca = await createCa(crypto, new Date("2026-01-15T12:00:00Z"), {
      commonName: "CA",
      validityHours: 100,
      algorithm: "ecdsa-p256",
    });
    const pem = ca.certificate.toString("pem");
    const b64 = Buffer.from(ca.certificate.rawData).subarray(0, 100).toString("base64");
    for (const text of [
      "",
      "garbage",
      pem + "\n" + pem,
      `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----`,
    ])
      assert.equal(certIdentity(text).ok, false, text.slice(0, 40));
  });
});
