import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { type CertificateAuthority, createCa } from "./ca";
import { normalizeSerial, signCrl } from "./crl";
import { nodeCrypto } from "./node-crypto";
import { AuthorityKeyIdentifierExtension, SubjectKeyIdentifierExtension, X509Crl, X509CrlReason } from "./x509";

const NOW = new Date("2026-01-15T12:00:00Z");
const DAY = 86_400_000;
let crypto: Crypto;
let ca: CertificateAuthority;
before(async () => {
  crypto = await nodeCrypto();
  ca = await createCa(crypto, NOW, { commonName: "Sensu Test CA", validityHours: 43800, algorithm: "ecdsa-p256" });
});

describe("signing a CRL", () => {
  it("writes a v2 CRL with AKI, CRL number, thisUpdate = now, and the entries", async () => {
    const r = await signCrl(crypto, NOW, ca, {
      nextUpdate: new Date(NOW.getTime() + 7 * DAY),
      crlNumber: 42n,
      revoked: [
        { serial: "0A:1B:2C", revocationDate: new Date(NOW.getTime() - DAY), reason: "keyCompromise" },
        { serial: "serial=FF01", revocationDate: NOW },
      ],
    });
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.match(r.value.pem, /^-----BEGIN X509 CRL-----\n[\s\S]+-----END X509 CRL-----\n$/);
    const crl = new X509Crl(r.value.pem);
    assert.equal(crl.version, 1, "v2 is encoded as 1");
    assert.equal(crl.thisUpdate.getTime(), NOW.getTime());
    assert.equal(crl.issuer, "CN=Sensu Test CA");
    assert.ok(await crl.verify({ publicKey: ca.certificate }, crypto));
    assert.equal(
      crl.getExtension(AuthorityKeyIdentifierExtension)?.keyId,
      ca.certificate.getExtension(SubjectKeyIdentifierExtension)?.keyId,
    );
    assert.equal(Buffer.from(crl.getExtension("2.5.29.20")!.value).toString("hex"), "02012a");
    assert.deepEqual(
      crl.entries.map((e) => [e.serialNumber, e.reason]),
      [
        ["0a1b2c", X509CrlReason.keyCompromise],
        ["ff01", undefined],
      ],
    );
    assert.ok(crl.findRevoked("ff01"));
  });

  it("refuses bad serials, duplicates, future revocations and a next update in the past", async () => {
    const next = new Date(NOW.getTime() + DAY);
    const cases: [Parameters<typeof signCrl>[3], RegExp][] = [
      [
        { nextUpdate: next, revoked: [{ serial: "xyz", revocationDate: NOW }] },
        /Entry 1: "xyz" is not a serial number/,
      ],
      [
        {
          nextUpdate: next,
          revoked: [
            { serial: "0a", revocationDate: NOW },
            { serial: "0A", revocationDate: NOW },
          ],
        },
        /Entry 2: serial 0A is listed twice/,
      ],
      [
        { nextUpdate: next, revoked: [{ serial: "01", revocationDate: next }] },
        /Entry 1: the revocation date .* is in the future/,
      ],
      [{ nextUpdate: NOW, revoked: [] }, /must be after now/],
      [{ nextUpdate: new Date(NOW.getTime() + 6000 * DAY), revoked: [] }, /after the CA expires/],
    ];
    for (const [request, message] of cases) {
      const r = await signCrl(crypto, NOW, ca, request);
      assert.match(r.ok ? "" : r.message, message);
    }
  });

  it("normalizes serials as openssl prints them", () => {
    assert.equal(normalizeSerial("serial=00A1B2"), "a1b2");
    assert.equal(normalizeSerial("a:b"), "ab");
    assert.equal(normalizeSerial("0:0:8a"), "8a");
    assert.equal(normalizeSerial(""), null);
  });
});
