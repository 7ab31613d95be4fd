import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { isRsa, type KeyAlgorithmId, signingParams } from "./algorithms";
import { type CertificateAuthority, cnName, createCa } from "./ca";
import { readChildren, readTlv } from "./der";
import { generateKeyPair } from "./keys";
import { cnNameDer, csrInfoDer, encodeTime, leafTbsDer, signatureValueDer } from "./leaf-der";
import type { San } from "./names";
import { nodeCrypto } from "./node-crypto";
import { type ProfileId, PROFILES } from "./profiles";
import { randomSerial } from "./serial";
import { tbsFields } from "./tbs-fields";
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  CRLDistributionPointsExtension,
  ExtendedKeyUsageExtension,
  type Extension,
  KeyUsageFlags,
  KeyUsagesExtension,
  Pkcs10CertificateRequestGenerator,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
} from "./x509";

// The reference: the leaf exactly as x509's generic generator wrote it before leaf-der.ts existed.
// Same inputs in, the same TBSCertificate and CertificationRequestInfo bytes must come out.

const NOW = new Date("2026-01-15T12:00:00Z");
let crypto: Crypto;
before(async () => {
  crypto = await nodeCrypto();
});

const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString("hex");

interface Case {
  caAlgorithm: KeyAlgorithmId;
  leafAlgorithm: KeyAlgorithmId;
  profile: ProfileId;
  commonName: string;
  sans: San[];
  crlUrls: readonly string[];
  notAfter: Date;
}

async function reference(ca: CertificateAuthority, keys: CryptoKeyPair, serial: string, c: Case) {
  const usage = isRsa(c.leafAlgorithm)
    ? KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment
    : KeyUsageFlags.digitalSignature;
  const san = c.sans.length
    ? new SubjectAlternativeNameExtension(
        c.sans.map((s) => ({ type: s.kind, value: s.value })),
        false,
      )
    : null;
  const ski = ca.certificate.getExtension(SubjectKeyIdentifierExtension)!;
  const extensions: Extension[] = [
    new BasicConstraintsExtension(false, undefined, true),
    new KeyUsagesExtension(usage, true),
    new ExtendedKeyUsageExtension([...PROFILES[c.profile].extendedKeyUsages], false),
    await SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
    new AuthorityKeyIdentifierExtension(ski.keyId, false),
  ];
  if (san) extensions.push(san);
  if (c.crlUrls.length) extensions.push(new CRLDistributionPointsExtension([...c.crlUrls], false));
  const cert = await X509CertificateGenerator.create(
    {
      serialNumber: serial,
      subject: cnName(c.commonName),
      issuer: ca.certificate.subjectName,
      notBefore: NOW,
      notAfter: c.notAfter,
      publicKey: keys.publicKey,
      signingKey: ca.keys.privateKey,
      signingAlgorithm: signingParams(ca.algorithm),
      extensions,
    },
    crypto,
  );
  const csr = await Pkcs10CertificateRequestGenerator.create(
    {
      name: cnName(c.commonName),
      keys,
      signingAlgorithm: signingParams(c.leafAlgorithm),
      extensions: san ? [san] : [],
    },
    crypto,
  );
  return { cert, csr };
}

/** The first element inside a signed structure: the part its signature covers. */
const signedBody = (der: ArrayBuffer) => readChildren(readTlv(new Uint8Array(der))!.value)![0]!.raw;

async function compare(c: Case) {
  const ca = await createCa(crypto, NOW, { commonName: "Sensu CA", validityHours: 300_000, algorithm: c.caAlgorithm });
  const keys = await generateKeyPair(crypto, c.leafAlgorithm);
  const serial = randomSerial(crypto);
  const ref = await reference(ca, keys, serial, c);
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", keys.publicKey));
  const caFields = tbsFields(new Uint8Array(ca.certificate.rawData))!;
  const refFields = tbsFields(new Uint8Array(ref.cert.rawData))!;
  const skiOf = (f: typeof refFields) => f.extensions.get("2.5.29.14")!.raw.subarray(-20);
  const tbs = leafTbsDer({
    serialHex: serial,
    signedWith: ca.algorithm,
    issuerName: caFields.subject.raw,
    subjectName: cnNameDer(c.commonName),
    notBefore: NOW,
    notAfter: c.notAfter,
    spki,
    leafAlgorithm: c.leafAlgorithm,
    extendedKeyUsages: PROFILES[c.profile].extendedKeyUsages,
    subjectKeyId: skiOf(refFields),
    authorityKeyId: skiOf(caFields),
    sans: c.sans,
    crlUrls: c.crlUrls,
  });
  assert.equal(hex(tbs), hex(signedBody(ref.cert.rawData)), "TBSCertificate");
  const csrInfo = csrInfoDer(cnNameDer(c.commonName), spki, c.sans);
  assert.equal(hex(csrInfo), hex(signedBody(ref.csr.rawData)), "CertificationRequestInfo");
}

const backendSans: San[] = [
  { kind: "dns", value: "backend-1.example.com" },
  { kind: "ip", value: "10.0.0.1" },
  { kind: "ip", value: "fd00::1" },
  { kind: "dns", value: "localhost" },
];

describe("the leaf profile written straight to DER", () => {
  const year = new Date("2027-01-15T12:00:00Z");
  for (const [caAlgorithm, leafAlgorithm] of [
    ["ecdsa-p256", "ecdsa-p256"],
    ["ecdsa-p384", "ecdsa-p256"],
    ["rsa-2048", "ecdsa-p384"],
    ["ecdsa-p256", "rsa-2048"],
  ] as const) {
    it(`matches x509's backend certificate and CSR byte for byte (CA ${caAlgorithm}, leaf ${leafAlgorithm})`, () =>
      compare({
        caAlgorithm,
        leafAlgorithm,
        profile: "backend",
        commonName: "backend-1.example.com",
        sans: backendSans,
        crlUrls: ["http://crl.example.com/sensu.crl"],
        notAfter: year,
      }));
  }

  it("matches x509 for an agent with no SANs, a web UI certificate, and a CN outside PrintableString", async () => {
    const base = { caAlgorithm: "ecdsa-p256", leafAlgorithm: "ecdsa-p256", crlUrls: [], notAfter: year } as const;
    await compare({ ...base, profile: "agent", commonName: "agent-0001", sans: [] });
    await compare({ ...base, profile: "web-ui", commonName: "sensu.example.com", sans: [backendSans[0]!] });
    await compare({ ...base, profile: "agent", commonName: "agent_1*", sans: [] });
  });

  it("writes GeneralizedTime from 2050 on, as RFC 5280 requires, and matches x509 there too", async () => {
    assert.equal(hex(encodeTime(new Date("2049-12-31T23:59:59Z"))), hex(Buffer.from("\x17\x0d491231235959Z")));
    assert.equal(hex(encodeTime(new Date("2050-01-01T00:00:00Z"))), hex(Buffer.from("\x18\x0f20500101000000Z")));
    await compare({
      caAlgorithm: "ecdsa-p256",
      leafAlgorithm: "ecdsa-p256",
      profile: "agent",
      commonName: "agent",
      sans: [],
      crlUrls: [],
      notAfter: new Date("2055-06-01T00:00:00Z"),
    });
  });

  it("re-encodes an r‖s signature as DER INTEGERs: leading zeros dropped, a zero added before a set top bit", () => {
    const r = new Uint8Array(32);
    r[0] = 0x00;
    r[1] = 0x7f;
    const s = new Uint8Array(32).fill(0x80);
    const der = signatureValueDer("ecdsa-p256", new Uint8Array([...r, ...s]));
    // BIT STRING (71), 0 unused bits, SEQUENCE (68) { INTEGER (31 bytes: 7f 00…), INTEGER (33: 00 80…) }
    assert.equal(hex(der.subarray(0, 8)), "034700" + "3044" + "021f7f");
    assert.equal(hex(der.subarray(38, 42)), "02210080");
    assert.equal(hex(signatureValueDer("rsa-2048", Uint8Array.of(1, 2))), "0303000102");
  });
});
