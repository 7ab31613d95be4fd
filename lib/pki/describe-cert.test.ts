import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, describe, it } from "node:test";

import { type CertificateAuthority, createCa } from "./ca";
import { describeCertificates } from "./describe-cert";
import { issueLeaf } from "./issue";
import { nodeCrypto } from "./node-crypto";
import { privateKeyPem } from "./pem";

const NOW = new Date("2026-01-15T12:00:00Z");
let crypto: Crypto;
let ca: CertificateAuthority;
before(async () => {
  crypto = await nodeCrypto();
  ca = await createCa(crypto, NOW, { commonName: "Sensu Test CA", validityHours: 43800, algorithm: "ecdsa-p256" });
});

const leaf = (cn: string, hours: number) =>
  issueLeaf(crypto, NOW, ca, {
    profile: "backend",
    commonName: cn,
    sans: [
      { kind: "dns", value: cn },
      { kind: "ip", value: "10.0.0.1" },
    ],
    validityHours: hours,
    algorithm: "ecdsa-p256",
  });

describe("describing certificates for the Renew view", () => {
  it("lists each certificate's names, usages, serial, fingerprints and days left, soonest first", async () => {
    const soon = await leaf("backend-1.example.com", 24 * 20);
    const later = await leaf("backend-2.example.com", 24 * 90);
    const files = [
      { name: "ca.pem", text: ca.certificate.toString("pem") },
      { name: "bundle.pem", text: `${later.certificate.toString("pem")}\n${soon.certificate.toString("pem")}` },
      { name: "backend-1.example.com-key.pem", text: await privateKeyPem(crypto, soon.keys.privateKey) },
    ];
    const r = await describeCertificates(crypto, NOW, files);
    assert.deepEqual(
      r.certificates.map((c) => [c.source, c.subject, c.daysLeft, c.status]),
      [
        ["bundle.pem #2", "CN=backend-1.example.com", 20, "expiring-soon"],
        ["bundle.pem #1", "CN=backend-2.example.com", 90, "ok"],
        ["ca.pem", "CN=Sensu Test CA", 1825, "ok"],
      ],
    );
    assert.deepEqual(r.skipped, [
      { name: "backend-1.example.com-key.pem", reason: "backend-1.example.com-key.pem holds no certificate." },
    ]);
    const first = r.certificates[0]!;
    assert.deepEqual(
      [first.issuer, first.dnsNames, first.ipAddresses, first.keyUsages, first.extendedKeyUsages],
      ["CN=Sensu Test CA", ["backend-1.example.com"], ["10.0.0.1"], ["digitalSignature"], ["serverAuth", "clientAuth"]],
    );
    const der = Buffer.from(soon.certificate.rawData);
    const colons = (h: string) => h.toUpperCase().match(/../g)!.join(":");
    assert.equal(first.sha256, colons(createHash("sha256").update(der).digest("hex")));
    assert.equal(first.sha1, colons(createHash("sha1").update(der).digest("hex")));
    assert.equal(first.serialHex, colons(soon.certificate.serialNumber));
  });

  it("marks expired certificates and reports unreadable files instead of failing", async () => {
    const cert = await leaf("old.example.com", 24);
    const r = await describeCertificates(crypto, new Date(NOW.getTime() + 2 * 86_400_000), [
      { name: "old.pem", text: cert.certificate.toString("pem") },
      { name: "notes.txt", text: "hello" },
    ]);
    assert.deepEqual(
      r.certificates.map((c) => [c.daysLeft, c.status]),
      [[-1, "expired"]],
    );
    assert.match(r.skipped[0]?.reason ?? "", /^Line 1 of notes\.txt \("hello"\) is outside any/);
  });

  it("reads a text found in many files once, and names every file it was found in", async () => {
    const a = await leaf("a.example.com", 24 * 30);
    const b = await leaf("b.example.com", 24 * 60);
    const chain = `${a.certificate.toString("pem")}\n${b.certificate.toString("pem")}`;
    const r = await describeCertificates(crypto, NOW, [
      { name: "agents/x/ca.pem", text: chain },
      { name: "agents/y/ca.pem", text: chain },
    ]);
    assert.deepEqual(
      r.certificates.map((c) => [c.source, c.subject]),
      [
        ["agents/x/ca.pem #1", "CN=a.example.com"],
        ["agents/y/ca.pem #1", "CN=a.example.com"],
        ["agents/x/ca.pem #2", "CN=b.example.com"],
        ["agents/y/ca.pem #2", "CN=b.example.com"],
      ],
    );
    assert.equal(r.certificates[0]!.sha256, r.certificates[1]!.sha256);
  });
});
