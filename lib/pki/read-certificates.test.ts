import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { type CertificateAuthority, createCa } from "./ca";
import { nodeCrypto } from "./node-crypto";
import { readCertificates, readOneCertificate, readOneCsr } from "./read-certificates";

let ca: CertificateAuthority;
before(async () => {
  ca = await createCa(await nodeCrypto(), new Date("2026-01-15T12:00:00Z"), {
    commonName: "CA",
    validityHours: 24,
    algorithm: "ecdsa-p256",
  });
});

describe("reading pasted certificates and CSRs", () => {
  it("reads what is there and names what is not", () => {
    const cert = ca.certificate.toString("pem");
    const csr = ca.csr.toString("pem");
    const both = readCertificates(cert + cert);
    assert.equal(both.ok && both.value.length, 2);
    const one = readOneCertificate(cert);
    assert.equal(one.ok && one.value.subject, "CN=CA");
    const two = readOneCertificate(cert + cert, "the CA certificate");
    assert.match(two.ok ? "" : two.message, /^Expected one certificate in the CA certificate, but it holds 2/);
    const asCert = readCertificates(csr);
    assert.match(asCert.ok ? "" : asCert.message, /but it holds a certificate signing request \(CSR\)\.$/);
    assert.equal(readOneCsr(csr).ok, true);
    const broken = readOneCertificate("-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----");
    assert.match(
      broken.ok ? "" : broken.message,
      /^failed to read block 1 of the certificate: it is not a valid X\.509 structure/,
    );
  });
});
