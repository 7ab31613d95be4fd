/**
 * A certificate read with der.ts: the fields the cross-check and the bundle read, without x509's
 * full ASN.1 parse (~0.3–0.5 ms each, most of what a fleet's thousand agent certificates still
 * cost after leaf-der.ts). Names are formatted by x509 only when asked, so a subject string here is
 * exactly the one an X509Certificate of the same bytes gives, and the two compare equal.
 */
import { childrenOf, decodeOid, readChildren, TAG } from "./der";
import { serialHex, tbsFields } from "./tbs-fields";
import { Name } from "./x509";

/** What the checks read from a certificate; both X509Certificate and DerCertificate provide it. */
export interface CertView {
  readonly rawData: ArrayBuffer;
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

const ECDSA_PREFIX = "1.2.840.10045.4.3.";

/**
 * UTCTime (YY < 50 is 20YY) or GeneralizedTime, in UTC. DER demands seconds and no fraction; older
 * certificates loaded on the Renew step may omit the seconds or carry a fraction, so both are read.
 */
function readTime(tlv: { tag: number; value: Uint8Array }): Date {
  const text = new TextDecoder().decode(tlv.value);
  const full = tlv.tag === 0x17 ? `${Number(text.slice(0, 2)) < 50 ? "20" : "19"}${text}` : text;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(full);
  if (!m) throw new Error(`failed to read a certificate time "${text}"`);
  const [y, mo, d, h, mi, s = 0] = m.slice(1).map((v) => Number(v ?? 0));
  return new Date(Date.UTC(y!, mo! - 1, d, h, mi, s));
}

/** An ECDSA-Sig-Value { r, s } as WebCrypto's r‖s, each padded to the curve's size. */
function ecdsaRaw(der: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const [r, s] = childrenOf(der);
  if (!r || !s) throw new Error("failed to read an ECDSA signature");
  const out = new Uint8Array(size * 2);
  const put = (int: Uint8Array, at: number) => {
    const trimmed = int.subarray(Math.max(0, int.length - size));
    out.set(trimmed, at + size - trimmed.length);
  };
  put(r.value, 0);
  put(s.value, size);
  return out;
}

export class DerCertificate implements CertView {
  readonly rawData: ArrayBuffer;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The signed part and its signature, as WebCrypto's verify takes them. */
  readonly tbs: Uint8Array<ArrayBuffer>;
  readonly signatureOid: string;
  private readonly signatureBits: Uint8Array;
  private readonly subjectDer: Uint8Array<ArrayBuffer>;
  private readonly issuerDer: Uint8Array<ArrayBuffer>;
  private subjectText?: string;
  private issuerText?: string;

  constructor(der: Uint8Array<ArrayBuffer>) {
    const [tbs, algorithm, signature] = childrenOf(der);
    const fields = tbsFields(der);
    const oid = algorithm && readChildren(algorithm.value)?.[0];
    const [notBefore, notAfter] = (fields && readChildren(fields.validity.value)) ?? [];
    if (!tbs || !fields || oid?.tag !== TAG.oid || signature?.tag !== TAG.bitString || !notBefore || !notAfter)
      throw new Error("failed to read a certificate: it is not an X.509 certificate");
    this.rawData = der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength);
    this.tbs = new Uint8Array(tbs.raw);
    this.signatureOid = decodeOid(oid.value);
    this.signatureBits = signature.value.subarray(1);
    this.serialNumber = serialHex(fields.serial.value);
    this.notBefore = readTime(notBefore);
    this.notAfter = readTime(notAfter);
    this.subjectDer = new Uint8Array(fields.subject.raw);
    this.issuerDer = new Uint8Array(fields.issuer.raw);
  }

  get subject(): string {
    return (this.subjectText ??= new Name(this.subjectDer).toString());
  }

  get issuer(): string {
    return (this.issuerText ??= new Name(this.issuerDer).toString());
  }

  /** The signature as WebCrypto verifies it: r‖s for ECDSA (sized by the hash), the bits for RSA. */
  signatureFor(curveBytes: number): Uint8Array<ArrayBuffer> {
    return this.signatureOid.startsWith(ECDSA_PREFIX)
      ? ecdsaRaw(this.signatureBits, curveBytes)
      : new Uint8Array(this.signatureBits);
  }

  /** The hash the signature algorithm names: SHA-256 for everything the wizard issues but P-384's SHA-384. */
  get signatureHash(): string {
    if (this.signatureOid === `${ECDSA_PREFIX}3`) return "SHA-384";
    if (this.signatureOid === `${ECDSA_PREFIX}4`) return "SHA-512";
    if (this.signatureOid === "1.2.840.113549.1.1.12") return "SHA-384";
    if (this.signatureOid === "1.2.840.113549.1.1.13") return "SHA-512";
    return "SHA-256";
  }

  get isEcdsa(): boolean {
    return this.signatureOid.startsWith(ECDSA_PREFIX);
  }
}
