/**
 * The leaf profile written straight to DER. A leaf here is always the same shape (CN subject, the
 * profile's usages, SKI/AKI, optional SANs and CRL URL), and building it through x509's generic
 * ASN.1 schema cost ~4 ms of CPU per certificate, 20 times the key pair: a 1,000-agent fleet spent
 * seconds there. lib/pki/leaf-der.test.ts holds this output byte for byte to what x509 writes.
 */
import { isRsa, type KeyAlgorithmId } from "./algorithms";
import { type Bytes, DER_NULL, encodeOid, encodeSequence, encodeTlv, encodeUnsignedInteger, TAG } from "./der";
import { parseIpv4, parseIpv6 } from "./ip";
import type { San } from "./names";

const OID = {
  commonName: "2.5.4.3",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectKeyId: "2.5.29.14",
  authorityKeyId: "2.5.29.35",
  subjectAltName: "2.5.29.17",
  crlDistributionPoints: "2.5.29.31",
  extensionRequest: "1.2.840.113549.1.9.14",
  ecdsaSha256: "1.2.840.10045.4.3.2",
  ecdsaSha384: "1.2.840.10045.4.3.3",
  rsaSha256: "1.2.840.113549.1.1.11",
} as const;

const BOOLEAN_TRUE = Uint8Array.of(0x01, 0x01, 0xff);
const UTF8_STRING = 0x0c;
const PRINTABLE_STRING = 0x13;
const UTC_TIME = 0x17;
const GENERALIZED_TIME = 0x18;
/** [0] EXPLICIT version, [3] EXPLICIT extensions, [0] IMPLICIT attributes: constructed context tags. */
const CONTEXT_0 = 0xa0;
const CONTEXT_3 = 0xa3;
/** GeneralName choices, IMPLICIT: keyIdentifier [0], dNSName [2], URI [6], iPAddress [7]. */
const KEY_ID = 0x80;
const DNS_NAME = 0x82;
const URI = 0x86;
const IP_ADDRESS = 0x87;

const utf8 = new TextEncoder();

/** PrintableString when every character allows it (as x509 and cfssl choose), UTF8String otherwise. */
function directoryString(text: string): Bytes {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(text);
  return encodeTlv(printable ? PRINTABLE_STRING : UTF8_STRING, utf8.encode(text));
}

/** A subject of one CN, built structurally: commas or "=" in the name are never parsed. */
export function cnNameDer(commonName: string): Bytes {
  const attribute = encodeSequence(encodeOid(OID.commonName), directoryString(commonName));
  return encodeSequence(encodeTlv(0x31, attribute));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050, always whole seconds in UTC. */
export function encodeTime(date: Date): Bytes {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = date.getUTCFullYear();
  const utc = year >= 1950 && year < 2050;
  return encodeTlv(utc ? UTC_TIME : GENERALIZED_TIME, utf8.encode(utc ? digits.slice(2) : digits));
}

export function encodeBitString(bytes: Uint8Array, unusedBits = 0): Bytes {
  const value = new Uint8Array(bytes.length + 1);
  value[0] = unusedBits;
  value.set(bytes, 1);
  return encodeTlv(TAG.bitString, value);
}

function extension(oid: string, critical: boolean, value: Uint8Array): Bytes {
  const parts = [encodeOid(oid)];
  if (critical) parts.push(BOOLEAN_TRUE);
  parts.push(encodeTlv(TAG.octetString, value));
  return encodeSequence(...parts);
}

/** keyUsage as a DER named bit string: digitalSignature is bit 0, keyEncipherment bit 2. */
function keyUsageBits(rsa: boolean): Bytes {
  return rsa ? Uint8Array.of(0x03, 0x02, 0x05, 0xa0) : Uint8Array.of(0x03, 0x02, 0x07, 0x80);
}

function generalNames(sans: readonly San[]): Bytes {
  return encodeSequence(
    ...sans.map((s) => {
      if (s.kind === "dns") return encodeTlv(DNS_NAME, utf8.encode(s.value));
      const ip = s.value.includes(":") ? parseIpv6(s.value) : parseIpv4(s.value);
      if (!ip.ok) throw new Error(`failed to encode the IP SAN "${s.value}": ${ip.reason}`);
      return encodeTlv(IP_ADDRESS, Uint8Array.from(ip.bytes));
    }),
  );
}

export function sanExtensionDer(sans: readonly San[]): Bytes {
  return extension(OID.subjectAltName, false, generalNames(sans));
}

function crlDistributionPoints(urls: readonly string[]): Bytes {
  const points = urls.map((url) =>
    encodeSequence(encodeTlv(CONTEXT_0, encodeTlv(CONTEXT_0, encodeTlv(URI, utf8.encode(url))))),
  );
  return extension(OID.crlDistributionPoints, false, encodeSequence(...points));
}

export interface LeafTbs {
  serialHex: string;
  /** The signature algorithm of the issuing CA's key. */
  signedWith: KeyAlgorithmId;
  /** The issuer's subject exactly as its certificate encodes it, so chain building matches bytes. */
  issuerName: Uint8Array;
  subjectName: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  /** The leaf's own key type decides keyUsage: keyEncipherment means something only for RSA. */
  leafAlgorithm: KeyAlgorithmId;
  extendedKeyUsages: readonly string[];
  subjectKeyId: Uint8Array;
  authorityKeyId: Uint8Array;
  sans: readonly San[];
  crlUrls: readonly string[];
}

export function signatureAlgorithmDer(id: KeyAlgorithmId): Bytes {
  if (id === "ecdsa-p384") return encodeSequence(encodeOid(OID.ecdsaSha384));
  if (id === "ecdsa-p256") return encodeSequence(encodeOid(OID.ecdsaSha256));
  return encodeSequence(encodeOid(OID.rsaSha256), DER_NULL);
}

/** TBSCertificate (RFC 5280 §4.1) of a v3 leaf, extensions in the order x509 wrote them. */
export function leafTbsDer(t: LeafTbs): Bytes {
  const extensions = [
    extension(OID.basicConstraints, true, encodeSequence()),
    extension(OID.keyUsage, true, keyUsageBits(isRsa(t.leafAlgorithm))),
    extension(OID.extKeyUsage, false, encodeSequence(...t.extendedKeyUsages.map(encodeOid))),
    extension(OID.subjectKeyId, false, encodeTlv(TAG.octetString, t.subjectKeyId)),
    extension(OID.authorityKeyId, false, encodeSequence(encodeTlv(KEY_ID, t.authorityKeyId))),
  ];
  if (t.sans.length > 0) extensions.push(sanExtensionDer(t.sans));
  if (t.crlUrls.length > 0) extensions.push(crlDistributionPoints(t.crlUrls));
  return encodeSequence(
    encodeTlv(CONTEXT_0, encodeUnsignedInteger(2n)),
    encodeUnsignedInteger(BigInt(`0x${t.serialHex}`)),
    signatureAlgorithmDer(t.signedWith),
    t.issuerName,
    encodeSequence(encodeTime(t.notBefore), encodeTime(t.notAfter)),
    t.subjectName,
    t.spki,
    encodeTlv(CONTEXT_3, encodeSequence(...extensions)),
  );
}

/** CertificationRequestInfo (RFC 2986): the SANs asked for as an extensionRequest, else no attributes. */
export function csrInfoDer(subjectName: Uint8Array, spki: Uint8Array, sans: readonly San[]): Bytes {
  const attributes =
    sans.length === 0
      ? []
      : [encodeSequence(encodeOid(OID.extensionRequest), encodeTlv(0x31, encodeSequence(sanExtensionDer(sans))))];
  return encodeSequence(
    encodeUnsignedInteger(0n),
    subjectName,
    spki,
    encodeTlv(CONTEXT_0, attributes.length ? attributes[0]! : new Uint8Array()),
  );
}

/** One INTEGER of an ECDSA signature: leading zero bytes dropped, one added back if the top bit is set. */
function signatureInteger(bytes: Uint8Array): Bytes {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  if ((trimmed[0] ?? 0) & 0x80) {
    const padded = new Uint8Array(trimmed.length + 1);
    padded.set(trimmed, 1);
    return encodeTlv(TAG.integer, padded);
  }
  return encodeTlv(TAG.integer, trimmed);
}

/** WebCrypto's ECDSA signature is r‖s (IEEE P1363); X.509 carries SEQUENCE { r, s }. RSA's is as is. */
export function signatureValueDer(id: KeyAlgorithmId, signature: Uint8Array): Bytes {
  if (isRsa(id)) return encodeBitString(signature);
  const half = signature.length / 2;
  return encodeBitString(
    encodeSequence(signatureInteger(signature.subarray(0, half)), signatureInteger(signature.subarray(half))),
  );
}

/** Certificate or CertificationRequest: the signed body, its algorithm, its signature. */
export function signedDer(body: Uint8Array, signedWith: KeyAlgorithmId, signature: Uint8Array): Bytes {
  return encodeSequence(body, signatureAlgorithmDer(signedWith), signatureValueDer(signedWith, signature));
}
