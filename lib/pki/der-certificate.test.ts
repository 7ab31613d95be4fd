import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import type { KeyAlgorithmId } from "./algorithms";
import { createCa } from "./ca";
import { encodeSequence, encodeTlv, readChildren, readTlv } from "./der";
import { DerCertificate } from "./der-certificate";
import { summarize } from "./inspect";
import { issueLeaf } from "./issue";
import { nodeCrypto } from "./node-crypto";
import { signatureVerifies } from "./signed-cert-check";
import { X509Certificate } from "./x509";

const NOW = new Date("2026-01-15T12:00:00Z");
let crypto: Crypto;
before(async () => {
  crypto = await nodeCrypto();
});

const fields = (c: X509Certificate | DerCertificate) => ({
  subject: c.subject,
  issuer: c.issuer,
  serialNumber: c.serialNumber,
  notBefore: c.notBefore.toISOString(),
  notAfter: c.notAfter.toISOString(),
});

describe("a certificate read with der.ts", () => {
  for (const [caAlgorithm, leafAlgorithm, hours] of [
    ["ecdsa-p256", "ecdsa-p256", 4320],
    ["ecdsa-p384", "rsa-2048", 4320],
    ["rsa-2048", "ecdsa-p384", 4320],
    // Past 2049: GeneralizedTime.
    ["ecdsa-p256", "ecdsa-p256", 300_000],
  ] as [KeyAlgorithmId, KeyAlgorithmId, number][]) {
    it(`reads what x509 reads and verifies its signature (CA ${caAlgorithm}, leaf ${leafAlgorithm}, ${hours} h)`, async () => {
      const ca = await createCa(crypto, NOW, {
        commonName: "Sensu CA, Ops",
        validityHours: 400_000,
        algorithm: caAlgorithm,
      });
      const other = await createCa(crypto, NOW, {
        commonName: "Sensu CA, Ops",
        validityHours: 400_000,
        algorithm: caAlgorithm,
      });
      const leaf = await issueLeaf(crypto, NOW, ca, {
        profile: "backend",
        commonName: "backend-1.example.com",
        sans: [
          { kind: "dns", value: "backend-1.example.com" },
          { kind: "ip", value: "fd00::1" },
        ],
        validityHours: hours,
        algorithm: leafAlgorithm,
      });
      const parsed = new X509Certificate(leaf.issued.rawData);
      assert.deepEqual(fields(leaf.issued), fields(parsed));
      assert.equal(leaf.issued.issuer, ca.certificate.subject, "the issuer string matches the CA's, so chains link");
      assert.deepEqual({ ...summarize(leaf.issued) }, { ...summarize(parsed) });
      assert.equal(await signatureVerifies(crypto, leaf.issued, ca.certificate), true);
      assert.equal(await signatureVerifies(crypto, leaf.issued, other.certificate), false, "another key, same name");
    });
  }

  it("fails the signature once a byte of the signed part changes, and refuses what is not a certificate", async () => {
    const ca = await createCa(crypto, NOW, { commonName: "CA", validityHours: 1000, algorithm: "ecdsa-p256" });
    const leaf = await issueLeaf(crypto, NOW, ca, {
      profile: "agent",
      commonName: "agent-only-name",
      sans: [],
      validityHours: 10,
      algorithm: "ecdsa-p256",
    });
    const der = new Uint8Array(leaf.issued.rawData.slice(0));
    const at = Buffer.from(der).indexOf("agent-only-name"); // the subject CN, inside the TBS
    assert.ok(at > 0 && at < leaf.issued.tbs.length);
    der[at + 14] = "x".charCodeAt(0);
    const tampered = new DerCertificate(der);
    assert.equal(tampered.subject, "CN=agent-only-namx");
    assert.equal(await signatureVerifies(crypto, tampered, ca.certificate), false);
    assert.throws(
      () => new DerCertificate(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])),
      /not an X\.509 certificate/,
    );
  });

  it("reads times older encoders wrote: a UTCTime without seconds, a GeneralizedTime with a fraction", async () => {
    const ca = await createCa(crypto, NOW, { commonName: "CA", validityHours: 1000, algorithm: "ecdsa-p256" });
    const leaf = await issueLeaf(crypto, NOW, ca, {
      profile: "agent",
      commonName: "old",
      sans: [],
      validityHours: 10,
      algorithm: "ecdsa-p256",
    });
    const [tbs, algorithm, signature] = readChildren(readTlv(new Uint8Array(leaf.issued.rawData))!.value)!;
    const fields = readChildren(tbs!.value)!.map((f) => f.raw);
    const ascii = (t: string) => new TextEncoder().encode(t);
    fields[4] = encodeSequence(encodeTlv(0x17, ascii("2701020304Z")), encodeTlv(0x18, ascii("20550102030405.5Z")));
    const cert = new DerCertificate(encodeSequence(encodeSequence(...fields), algorithm!.raw, signature!.raw));
    assert.equal(cert.notBefore.toISOString(), "2027-01-02T03:04:00.000Z");
    assert.equal(cert.notAfter.toISOString(), "2055-01-02T03:04:05.000Z");
  });
});
