import { signingParams } from "./algorithms";
import type { CertificateAuthority } from "./ca";
import { encodeUnsignedInteger } from "./der";
import { formatUtc } from "./format";
import { withNewline } from "./pem";
import type { PemResult } from "./pem-blocks";
import {
  AuthorityKeyIdentifierExtension,
  Extension,
  KeyUsageFlags,
  KeyUsagesExtension,
  PemConverter,
  SubjectKeyIdentifierExtension,
  type X509Crl,
  X509CrlGenerator,
  X509CrlReason,
} from "./x509";

/** RFC 5280 §5.3.1 reason codes, by name so the page need not load x509. */
export const CRL_REASONS = [
  "unspecified",
  "keyCompromise",
  "cACompromise",
  "affiliationChanged",
  "superseded",
  "cessationOfOperation",
  "certificateHold",
] as const;
export type CrlReason = (typeof CRL_REASONS)[number];

export interface RevokedCertificate {
  /** Hex, as `openssl x509 -serial` or the describe view prints it; colons and spaces are ignored. */
  serial: string;
  revocationDate: Date;
  /** Omitted (or "unspecified") writes no reason code, as RFC 5280 §5.3.1 prefers. */
  reason?: CrlReason;
}

export interface CrlRequest {
  revoked: readonly RevokedCertificate[];
  /** When clients should fetch a fresh list; OpenSSL and Go refuse the CRL after it. */
  nextUpdate: Date;
  /**
   * Must grow with every CRL the CA signs (RFC 5280 §5.2.3). Default: `now` in whole seconds, which
   * grows as long as the clock does and needs no counter to be kept anywhere.
   */
  crlNumber?: bigint;
}

export interface SignedCrl {
  crl: X509Crl;
  pem: string;
  crlNumber: bigint;
}

const CRL_NUMBER_OID = "2.5.29.20";

/**
 * Canonical hex as X509Certificate.serialNumber prints it: lower case, no separators, even length,
 * no leading zero bytes. X509CrlGenerator adds the 00 a serial with its top bit set needs in DER.
 */
export function normalizeSerial(raw: string): string | null {
  let hex = raw
    .trim()
    .replace(/^serial=/i, "")
    .replace(/[\s:]/g, "")
    .toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex) || hex.length > 42) return null;
  if (hex.length % 2) hex = `0${hex}`;
  return hex.replace(/^(00)+(?=[0-9a-f]{2})/, "");
}

function entriesProblem(revoked: readonly RevokedCertificate[], now: Date): string | null {
  const seen = new Set<string>();
  for (const [i, entry] of revoked.entries()) {
    const serial = normalizeSerial(entry.serial);
    if (!serial)
      return `Entry ${i + 1}: "${entry.serial}" is not a serial number; copy it from \`openssl x509 -noout -serial -in CERT\` (hex digits).`;
    if (seen.has(serial)) return `Entry ${i + 1}: serial ${entry.serial} is listed twice.`;
    seen.add(serial);
    if (Number.isNaN(entry.revocationDate.getTime())) return `Entry ${i + 1}: the revocation date is not a date.`;
    if (entry.revocationDate > now)
      return `Entry ${i + 1}: the revocation date ${formatUtc(entry.revocationDate)} is in the future; use the time the certificate was revoked, at the latest now.`;
  }
  return null;
}

/**
 * A v2 CRL signed by `ca`, with thisUpdate = `now`, the CA's key identifier (AKI) and a CRL number.
 * Clients only consult it if their certificates name where to fetch it (a CRL distribution point),
 * which the wizard adds only when the user declares one (reference point 9).
 */
export async function signCrl(
  crypto: Crypto,
  now: Date,
  ca: CertificateAuthority,
  request: CrlRequest,
): Promise<PemResult<SignedCrl>> {
  const ku = ca.certificate.getExtension(KeyUsagesExtension);
  if (ku && (ku.usages & KeyUsageFlags.cRLSign) === 0) {
    return {
      ok: false,
      message: `"${ca.certificate.subject}" may not sign revocation lists: its keyUsage lacks cRLSign. Clients would reject the CRL; reissue the CA with cRLSign.`,
    };
  }
  if (!(request.nextUpdate > now))
    return {
      ok: false,
      message: `The next update (${formatUtc(request.nextUpdate)}) must be after now (${formatUtc(now)}); clients refuse a CRL past its next update.`,
    };
  if (request.nextUpdate > ca.certificate.notAfter)
    return {
      ok: false,
      message: `The next update (${formatUtc(request.nextUpdate)}) is after the CA expires (${formatUtc(ca.certificate.notAfter)}); choose an earlier date.`,
    };
  const problem = entriesProblem(request.revoked, now);
  if (problem) return { ok: false, message: problem };
  const crlNumber = request.crlNumber ?? BigInt(Math.floor(now.getTime() / 1000));
  // The AKI must equal the CA's SKI, which for an imported CA may not be the SHA-1 of its key.
  const ski = ca.certificate.getExtension(SubjectKeyIdentifierExtension);
  const aki = ski
    ? new AuthorityKeyIdentifierExtension(ski.keyId, false)
    : await AuthorityKeyIdentifierExtension.create(ca.keys.publicKey, false, crypto);
  const crl = await X509CrlGenerator.create(
    {
      issuer: ca.certificate.subjectName,
      thisUpdate: now,
      nextUpdate: request.nextUpdate,
      signingKey: ca.keys.privateKey,
      signingAlgorithm: signingParams(ca.algorithm),
      extensions: [aki, new Extension(CRL_NUMBER_OID, false, encodeUnsignedInteger(crlNumber) as BufferSource)],
      entries: request.revoked.map((entry) => ({
        serialNumber: normalizeSerial(entry.serial) ?? "",
        revocationDate: entry.revocationDate,
        reason: entry.reason === undefined ? undefined : X509CrlReason[entry.reason],
      })),
    },
    crypto,
  );
  // x509 labels it "CRL"; OpenSSL reads only "X509 CRL", the label RFC 7468 §5 gives.
  return { ok: true, value: { crl, pem: withNewline(PemConverter.encode(crl.rawData, "X509 CRL")), crlNumber } };
}
