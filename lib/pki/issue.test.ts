import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import type { KeyAlgorithmId } from "./algorithms";
import { createCa } from "./ca";
import { summarize } from "./inspect";
import { parseIpv4, parseIpv6 } from "./ip";
import { issueLeaf } from "./issue";
import { parseSan } from "./names";
import { nodeCrypto } from "./node-crypto";
import { privateKeyPem } from "./pem";
import { CLOCK_SKEW_MS } from "./validity";
import { BasicConstraintsExtension, KeyUsagesExtension, Pkcs10CertificateRequest, X509Certificate } from "./x509";

// A fixed clock on a whole second: certificate times have second precision.
const NOW = new Date("2026-01-15T12:00:00Z");
const HOUR = 3_600_000;
let crypto: Crypto;
before(async () => {
  crypto = await nodeCrypto();
});

const backendSans = [
  { kind: "dns", value: "backend-1.example.com" },
  { kind: "dns", value: "backend-1" },
  { kind: "ip", value: "10.0.0.1" },
  { kind: "dns", value: "localhost" },
  { kind: "ip", value: "127.0.0.1" },
  { kind: "ip", value: "::1" },
] as const;

for (const algorithm of ["rsa-2048", "ecdsa-p256", "ecdsa-p384"] as KeyAlgorithmId[]) {
  describe(`issuing with ${algorithm}`, () => {
    it("makes a CA with critical CA:true and keyCertSign+cRLSign, and no EKU", async () => {
      const ca = await createCa(crypto, NOW, { commonName: "Sensu Test CA", validityHours: 43800, algorithm });
      const s = summarize(ca.certificate);
      assert.equal(s.subject, "CN=Sensu Test CA");
      assert.equal(s.issuer, "CN=Sensu Test CA");
      assert.equal(s.isCa, true);
      assert.deepEqual(s.keyUsages, ["keyCertSign", "cRLSign"]);
      assert.deepEqual(s.extendedKeyUsages, []);
      assert.equal(ca.certificate.getExtension(BasicConstraintsExtension)?.critical, true);
      assert.equal(ca.certificate.getExtension(KeyUsagesExtension)?.critical, true);
      assert.equal(s.notBefore.getTime(), NOW.getTime() - CLOCK_SKEW_MS);
      assert.equal(s.notAfter.getTime(), NOW.getTime() + 43800 * HOUR);
      assert.ok(await ca.certificate.verify({ publicKey: ca.certificate.publicKey, signatureOnly: true }, crypto));
      assert.ok(await ca.csr.verify(crypto));
    });

    it("issues a backend certificate for server and client auth whose SANs include the CN", async () => {
      const ca = await createCa(crypto, NOW, { commonName: "Sensu Test CA", validityHours: 43800, algorithm });
      const leaf = await issueLeaf(crypto, NOW, ca, {
        profile: "backend",
        commonName: "backend-1.example.com",
        sans: backendSans,
        validityHours: 4320,
        algorithm,
      });
      const s = summarize(leaf.certificate);
      assert.equal(s.subject, "CN=backend-1.example.com");
      assert.equal(s.issuer, "CN=Sensu Test CA");
      assert.equal(s.isCa, false);
      assert.deepEqual(s.extendedKeyUsages, ["serverAuth", "clientAuth"]);
      assert.deepEqual(
        s.keyUsages,
        algorithm.startsWith("rsa") ? ["digitalSignature", "keyEncipherment"] : ["digitalSignature"],
      );
      assert.ok(s.dnsNames.includes("backend-1.example.com"), "the CN is a SAN");
      assert.deepEqual(s.ipAddresses, ["10.0.0.1", "127.0.0.1", "::1"]);
      assert.equal(s.notAfter.getTime(), NOW.getTime() + 4320 * HOUR);
      assert.ok(
        await leaf.certificate.verify(
          { publicKey: ca.certificate.publicKey, date: new Date(NOW.getTime() + HOUR) },
          crypto,
        ),
      );
      assert.equal(
        await leaf.certificate.verify(
          { publicKey: ca.certificate.publicKey, date: new Date(NOW.getTime() + 4321 * HOUR) },
          crypto,
        ),
        false,
        "expired after its validity",
      );
      // DER INTEGER content: positive means the first octet is below 0x80; RFC 5280 allows 20 octets.
      assert.match(s.serialNumber, /^[0-7][0-9a-f]([0-9a-f]{2}){0,19}$/);
      assert.equal(s.serialNumber.length, 32, "16 octets, never shortened by a leading zero");
      assert.ok(
        await new Pkcs10CertificateRequest(leaf.csrPem).verify(crypto),
        "the CSR is signed by the leaf's own key",
      );
      const expectedHash = algorithm === "ecdsa-p384" ? "SHA-384" : "SHA-256";
      assert.equal((leaf.certificate.signatureAlgorithm as { hash: { name: string } }).hash.name, expectedHash);
    });

    it("issues an agent certificate for client auth only, with no SAN extension", async () => {
      const ca = await createCa(crypto, NOW, { commonName: "Sensu Agent CA", validityHours: 43800, algorithm });
      const leaf = await issueLeaf(crypto, NOW, ca, {
        profile: "agent",
        commonName: "agent",
        sans: [],
        validityHours: 4320,
        algorithm,
      });
      const s = summarize(leaf.certificate);
      assert.deepEqual(s.extendedKeyUsages, ["clientAuth"]);
      assert.equal(s.hasSanExtension, false);
      assert.ok(await leaf.certificate.verify({ publicKey: ca.certificate.publicKey, date: NOW }, crypto));
    });
  });
}

describe("issuing, whatever the algorithm", () => {
  it("puts every typed IP into the certificate as exactly its bytes", async () => {
    const typed = [
      "10.0.0.1",
      "::1",
      "::ffff:10.0.0.1",
      "0:0:0:0:0:ffff:192.168.0.9",
      "2001:DB8::8a2e:370:7334",
      "fe80::",
    ];
    const sans = typed.map((t) => {
      const r = parseSan(t);
      assert.ok(r.ok, t);
      return r.san;
    });
    const ca = await createCa(crypto, NOW, { commonName: "CA", validityHours: 1000, algorithm: "ecdsa-p256" });
    const leaf = await issueLeaf(crypto, NOW, ca, {
      profile: "backend",
      commonName: "b.example.com",
      sans,
      validityHours: 10,
      algorithm: "ecdsa-p256",
    });
    const inCert = summarize(new X509Certificate(leaf.certificate.rawData)).ipAddresses;
    const bytes = (t: string) => (t.includes(":") ? parseIpv6(t) : parseIpv4(t));
    assert.deepEqual(inCert.map(bytes), typed.map(bytes));
  });

  it("refuses a leaf that would outlive its CA", async () => {
    const ca = await createCa(crypto, NOW, { commonName: "Short CA", validityHours: 100, algorithm: "ecdsa-p256" });
    await assert.rejects(
      issueLeaf(crypto, NOW, ca, {
        profile: "agent",
        commonName: "agent",
        sans: [],
        validityHours: 101,
        algorithm: "ecdsa-p256",
      }),
      /outlive its CA/,
    );
  });

  it("issues a leaf as long-lived as its CA at a clock with milliseconds", async () => {
    const now = new Date("2026-01-15T12:00:00.987Z");
    const ca = await createCa(crypto, now, { commonName: "CA", validityHours: 43800, algorithm: "ecdsa-p256" });
    const leaf = await issueLeaf(crypto, now, ca, {
      profile: "agent",
      commonName: "agent",
      sans: [],
      validityHours: 43800,
      algorithm: "ecdsa-p256",
    });
    assert.equal(leaf.certificate.notAfter.getTime(), ca.certificate.notAfter.getTime());
  });

  it("does not verify a leaf against a different CA", async () => {
    const ca = await createCa(crypto, NOW, { commonName: "CA one", validityHours: 1000, algorithm: "ecdsa-p256" });
    const other = await createCa(crypto, NOW, { commonName: "CA two", validityHours: 1000, algorithm: "ecdsa-p256" });
    const leaf = await issueLeaf(crypto, NOW, ca, {
      profile: "agent",
      commonName: "agent",
      sans: [],
      validityHours: 10,
      algorithm: "ecdsa-p256",
    });
    assert.equal(
      await leaf.certificate.verify({ publicKey: other.certificate.publicKey, signatureOnly: true }, crypto),
      false,
    );
  });

  it("writes the private key as unencrypted PKCS#8 that imports back", async () => {
    const ca = await createCa(crypto, NOW, { commonName: "CA", validityHours: 1000, algorithm: "ecdsa-p256" });
    const pem = await privateKeyPem(crypto, ca.keys.privateKey);
    assert.match(pem, /^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ""), "base64");
    const key = await crypto.subtle.importKey("pkcs8", der, { name: "ECDSA", namedCurve: "P-256" }, true, ["sign"]);
    assert.equal(key.type, "private");
  });

  it("puts a comma or equals sign in a CN as data, never as another attribute", async () => {
    const ca = await createCa(crypto, NOW, {
      commonName: "Acme, Inc. CA=evil",
      validityHours: 1000,
      algorithm: "ecdsa-p256",
    });
    const parsed = new X509Certificate(ca.certificate.rawData);
    assert.equal(parsed.subjectName.getField("CN")[0], "Acme, Inc. CA=evil");
    assert.equal(parsed.subjectName.toJSON().length, 1);
  });
});
