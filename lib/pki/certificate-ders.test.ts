import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { createCa } from "./ca";
import { readSerials } from "./certificate-ders";
import { issueLeaf } from "./issue";
import { nodeCrypto } from "./node-crypto";
import { privateKeyPem } from "./pem";

const NOW = new Date("2026-01-15T12:00:00Z");
let crypto: Crypto;
before(async () => {
  crypto = await nodeCrypto();
});

describe("reading serials to revoke, without x509", () => {
  it("gives each certificate's serial as openssl prints it and its CN, as x509 reads them", async () => {
    const ca = await createCa(crypto, NOW, { commonName: "CA", validityHours: 1000, algorithm: "ecdsa-p256" });
    const leaf = await issueLeaf(crypto, NOW, ca, {
      profile: "agent",
      commonName: "agent-7",
      sans: [],
      validityHours: 10,
      algorithm: "ecdsa-p256",
    });
    const text = `${leaf.certificate.toString("pem")}\n${ca.certificate.toString("pem")}`;
    const r = readSerials(text, "two.pem");
    assert.ok(r.ok);
    assert.deepEqual(r.value, [
      { serial: leaf.certificate.serialNumber.toUpperCase(), subject: "CN=agent-7" },
      { serial: ca.certificate.serialNumber.toUpperCase(), subject: "CN=CA" },
    ]);
    const key = readSerials(await privateKeyPem(crypto, leaf.keys.privateKey), "key.pem");
    assert.ok(!key.ok);
    assert.match(key.message, /Expected only certificates .* in key\.pem.*Paste the private key in the key field/);
    const garbage = "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n";
    const bad = readSerials(garbage, "bad.pem");
    assert.ok(!bad.ok);
    assert.match(bad.message, /failed to read block 1 of bad\.pem: it is not a valid X\.509 structure/);
  });
});
