import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { signingParams } from "./algorithms";
import { type CertificateAuthority, cnName, createCa } from "./ca";
import { type IssuedLeaf, issueLeaf } from "./issue";
import { generateKeyPair } from "./keys";
import { nodeCrypto } from "./node-crypto";
import { checkSignedCertificate, nameDifferences } from "./signed-cert-check";
import {
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  X509CertificateGenerator,
} from "./x509";

const NOW = new Date("2026-01-15T12:00:00Z");
const SANS = [
  { kind: "dns", value: "backend-1.example.com" },
  { kind: "ip", value: "10.0.0.1" },
] as const;
let crypto: Crypto;
let root: CertificateAuthority;
let intermediate: CertificateAuthority;
let leaf: IssuedLeaf;

/** An intermediate CA under `parent`, as a corporate PKI would have. */
async function intermediateCa(parent: CertificateAuthority): Promise<CertificateAuthority> {
  const keys = await generateKeyPair(crypto, "ecdsa-p256");
  const certificate = await X509CertificateGenerator.create(
    {
      serialNumber: "02",
      subject: cnName("Corp Issuing CA"),
      issuer: parent.certificate.subjectName,
      notBefore: new Date(NOW.getTime() - 3_600_000),
      notAfter: new Date(NOW.getTime() + 1000 * 86_400_000),
      publicKey: keys.publicKey,
      signingKey: parent.keys.privateKey,
      signingAlgorithm: signingParams(parent.algorithm),
      extensions: [
        new BasicConstraintsExtension(true, 0, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
      ],
    },
    crypto,
  );
  return { algorithm: "ecdsa-p256", certificate, keys, csr: parent.csr };
}

/** What a careless CA might return: the CSR's key, but other names or usages. */
async function reissue(names: { type: "dns" | "ip"; value: string }[], eku: string[]) {
  const cert = await X509CertificateGenerator.create(
    {
      serialNumber: "03",
      subject: cnName("backend-1.example.com"),
      issuer: intermediate.certificate.subjectName,
      notBefore: NOW,
      notAfter: new Date(NOW.getTime() + 86_400_000),
      publicKey: leaf.keys.publicKey,
      signingKey: intermediate.keys.privateKey,
      signingAlgorithm: signingParams("ecdsa-p256"),
      extensions: [new SubjectAlternativeNameExtension(names), new ExtendedKeyUsageExtension(eku)],
    },
    crypto,
  );
  return cert.toString("pem");
}

before(async () => {
  crypto = await nodeCrypto();
  root = await createCa(crypto, NOW, { commonName: "Corp Root CA", validityHours: 43800, algorithm: "ecdsa-p384" });
  intermediate = await intermediateCa(root);
  leaf = await issueLeaf(crypto, NOW, intermediate, {
    profile: "backend",
    commonName: "backend-1.example.com",
    sans: SANS,
    validityHours: 4320,
    algorithm: "ecdsa-p256",
  });
});

const pem = (x: { toString(f: "pem"): string }) => x.toString("pem");
async function refusal(request: Parameters<typeof checkSignedCertificate>[2]): Promise<string> {
  const r = await checkSignedCertificate(crypto, NOW, request);
  assert.equal(r.ok, false);
  return r.ok ? "" : r.message;
}

describe("checking a certificate signed by the organization's CA", () => {
  it("accepts it and orders the chain leaf first, whatever order the files came in", async () => {
    const r = await checkSignedCertificate(crypto, NOW, {
      csrPem: leaf.csrPem,
      certificatePem: pem(leaf.certificate),
      chainPems: [pem(root.certificate), pem(intermediate.certificate)],
      profile: "backend",
    });
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.deepEqual(
      r.value.chain.map((c) => c.subject),
      ["CN=backend-1.example.com", "CN=Corp Issuing CA"],
    );
    assert.equal(r.value.root?.subject, "CN=Corp Root CA");
    assert.equal(r.value.chainPem, `${pem(leaf.certificate)}\n${pem(intermediate.certificate)}\n`);
    assert.deepEqual(r.value.notices, []);
  });

  it("finds the leaf in a pasted bundle and says what it could not check", async () => {
    const r = await checkSignedCertificate(crypto, NOW, {
      csrPem: leaf.csrPem,
      certificatePem: pem(intermediate.certificate) + pem(leaf.certificate),
      profile: "backend",
    });
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.deepEqual(r.value.notices, [
      'The chain ends at "CN=Corp Issuing CA", issued by "CN=Corp Root CA": hosts must trust that CA (trusted-ca-file).',
    ]);
    const alone = await checkSignedCertificate(crypto, NOW, {
      csrPem: leaf.csrPem,
      certificatePem: pem(leaf.certificate),
      profile: "backend",
    });
    assert.match(
      alone.ok ? alone.value.notices.join() : "",
      /No certificate of the issuer "CN=Corp Issuing CA" was pasted/,
    );
  });

  it("lists every name that differs from the CSR's", async () => {
    const certificatePem = await reissue(
      [
        { type: "dns", value: "BACKEND-1.example.com" },
        { type: "dns", value: "www.example.com" },
      ],
      ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"],
    );
    assert.equal(
      await refusal({ csrPem: leaf.csrPem, certificatePem, profile: "backend" }),
      "The certificate's names differ from the CSR's: missing from the certificate: IP 10.0.0.1; added by the CA: DNS www.example.com. Ask the CA to issue exactly the requested names (Sensu and etcd check them).",
    );
    assert.deepEqual(nameDifferences({ cn: "a", sans: [] }, { cn: "b", sans: [] }), [
      'the common name is "b", the CSR asked for "a"',
    ]);
  });

  it("refuses usages that do not fit the profile", async () => {
    const certificatePem = await reissue(
      [
        { type: "dns", value: "backend-1.example.com" },
        { type: "ip", value: "10.0.0.1" },
      ],
      ["1.3.6.1.5.5.7.3.1"],
    );
    assert.match(
      await refusal({ csrPem: leaf.csrPem, certificatePem, profile: "backend" }),
      /does not fit the backend profile: the backend profile needs extended key usage serverAuth \+ clientAuth; it lacks clientAuth/,
    );
  });

  it("refuses a certificate for another key, a CA as a leaf, an expired one, and a wrong intermediate", async () => {
    const other = await issueLeaf(crypto, NOW, intermediate, {
      profile: "backend",
      commonName: "backend-1.example.com",
      sans: SANS,
      validityHours: 24,
      algorithm: "ecdsa-p256",
    });
    assert.match(
      await refusal({ csrPem: leaf.csrPem, certificatePem: pem(other.certificate), profile: "backend" }),
      /^"CN=backend-1.example.com" was not issued for this CSR: its public key differs/,
    );
    assert.match(
      await refusal({ csrPem: pem(leaf.certificate), certificatePem: pem(leaf.certificate), profile: "backend" }),
      /Expected one certificate signing request .* but it holds a certificate/,
    );
    const late = await checkSignedCertificate(crypto, new Date(NOW.getTime() + 4321 * 3_600_000), {
      csrPem: leaf.csrPem,
      certificatePem: pem(leaf.certificate),
      profile: "backend",
    });
    assert.match(
      late.ok ? "" : late.message,
      /The certificate "CN=backend-1.example.com" expired on 2026-07-14 12:00 UTC/,
    );
    const impostor = await intermediateCa(root);
    assert.match(
      await refusal({
        csrPem: leaf.csrPem,
        certificatePem: pem(leaf.certificate),
        chainPems: [pem(impostor.certificate)],
        profile: "backend",
      }),
      /"CN=Corp Issuing CA" is named as the issuer .* but did not sign it/,
    );
  });
});
