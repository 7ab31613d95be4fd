import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { type CertificateAuthority, createCa } from "./ca";
import { capLeafValidity, importCa, type ImportCaRequest } from "./import-ca";
import { issueLeaf } from "./issue";
import { nodeCrypto } from "./node-crypto";
import { privateKeyPem } from "./pem";

const NOW = new Date("2026-01-15T12:00:00Z");
const HOUR = 3_600_000;
let crypto: Crypto;
let made: CertificateAuthority;
let good: ImportCaRequest;

before(async () => {
  crypto = await nodeCrypto();
  made = await createCa(crypto, NOW, { commonName: "Corp Sensu CA", validityHours: 43800, algorithm: "ecdsa-p256" });
  good = {
    certificatePem: made.certificate.toString("pem"),
    keyPem: await privateKeyPem(crypto, made.keys.privateKey),
  };
});

async function refusal(request: ImportCaRequest, now = NOW): Promise<string> {
  const r = await importCa(crypto, now, request);
  assert.equal(r.ok, false, "expected a refusal");
  return r.ok ? "" : r.message;
}

describe("importing an existing CA", () => {
  it("returns a CertificateAuthority that issueLeaf signs with", async () => {
    const r = await importCa(crypto, NOW, good);
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.equal(r.value.ca.algorithm, "ecdsa-p256");
    assert.equal(r.value.daysLeft, 1825);
    assert.deepEqual(r.value.notices, []);
    assert.ok(await r.value.ca.csr.verify(crypto));
    const leaf = await issueLeaf(crypto, NOW, r.value.ca, {
      profile: "agent",
      commonName: "agent-1",
      sans: [],
      validityHours: 4320,
      algorithm: "ecdsa-p256",
    });
    assert.ok(await leaf.certificate.verify({ publicKey: made.certificate.publicKey, signatureOnly: true }, crypto));
  });

  it("names a key pasted as the certificate, and a certificate pasted as the key", async () => {
    assert.match(
      await refusal({ ...good, certificatePem: good.keyPem }),
      /Expected only certificates .* in the CA certificate, but it holds a private key\. Paste the private key in the key field/,
    );
    assert.match(
      await refusal({ ...good, keyPem: good.certificatePem }),
      /Expected a private key .* but this is a certificate/,
    );
  });

  it("refuses two certificates where one is expected", async () => {
    const other = await createCa(crypto, NOW, { commonName: "Other CA", validityHours: 24, algorithm: "ecdsa-p256" });
    const message = await refusal({ ...good, certificatePem: good.certificatePem + other.certificate.toString("pem") });
    assert.match(
      message,
      /Expected one certificate in the CA certificate, but it holds 2 \("CN=Corp Sensu CA", "CN=Other CA"\)/,
    );
  });

  it("refuses a key that belongs to another certificate", async () => {
    const other = await createCa(crypto, NOW, { commonName: "Other CA", validityHours: 24, algorithm: "ecdsa-p256" });
    const message = await refusal({ ...good, keyPem: await privateKeyPem(crypto, other.keys.privateKey) });
    assert.match(message, /The private key does not belong to "CN=Corp Sensu CA"/);
  });

  it("refuses a host certificate as the CA", async () => {
    const leaf = await issueLeaf(crypto, NOW, made, {
      profile: "agent",
      commonName: "agent-1",
      sans: [],
      validityHours: 24,
      algorithm: "ecdsa-p256",
    });
    const message = await refusal({
      certificatePem: leaf.certificate.toString("pem"),
      keyPem: await privateKeyPem(crypto, leaf.keys.privateKey),
    });
    assert.match(message, /"CN=agent-1" is not a CA certificate \(it lacks basicConstraints CA:TRUE\)/);
  });

  it("refuses an expired CA and one not yet valid", async () => {
    const later = new Date(NOW.getTime() + 43800 * HOUR);
    assert.match(await refusal(good, later), /"CN=Corp Sensu CA" expired on 2031-01-14 12:00 UTC/);
    assert.match(
      await refusal(good, new Date(NOW.getTime() - HOUR)),
      /is not valid until 2026-01-15 11:55 UTC: check this computer's clock/,
    );
  });

  it("refuses an encrypted key with the command to decrypt it", async () => {
    const keyPem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n";
    assert.match(
      await refusal({ ...good, keyPem, keyFileName: "corp-ca-key.pem" }),
      /`openssl pkey -in corp-ca-key\.pem -out corp-ca-key-plain\.pem`/,
    );
  });

  it("warns when the CA ends before the leaves would", async () => {
    const short = await createCa(crypto, NOW, {
      commonName: "Short CA",
      validityHours: 24 * 40,
      algorithm: "ecdsa-p256",
    });
    const r = await importCa(crypto, NOW, {
      certificatePem: short.certificate.toString("pem"),
      keyPem: await privateKeyPem(crypto, short.keys.privateKey),
    });
    assert.ok(r.ok);
    assert.deepEqual(r.value.notices, [
      "The CA expires in 40 days (2026-02-24 12:00 UTC); certificates issued now end then too. Plan the CA's renewal.",
    ]);
  });
});

describe("capping a leaf at its CA", () => {
  it("keeps a validity that fits and shortens one that does not, so issueLeaf accepts it", async () => {
    const notAfter = made.certificate.notAfter;
    assert.deepEqual(capLeafValidity(NOW, notAfter, 4320), { hours: 4320, capped: false, notice: null });
    const odd = new Date(NOW.getTime() + 43799.5 * HOUR + 123);
    const capped = capLeafValidity(odd, notAfter, 4320);
    assert.equal(capped.capped, true);
    assert.match(
      capped.notice ?? "",
      /^Shortened from 4320 to 0 hours so the certificate ends with its CA on 2031-01-14 12:00 UTC\.$/,
    );
    const leaf = await issueLeaf(crypto, odd, made, {
      profile: "agent",
      commonName: "a",
      sans: [],
      validityHours: capped.hours,
      algorithm: "ecdsa-p256",
    });
    assert.equal(leaf.certificate.notAfter.getTime(), notAfter.getTime());
  });
});
