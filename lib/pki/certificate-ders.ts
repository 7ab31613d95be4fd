// Certificate blocks as DER, with the messages the certificate fields show, and without x509: the
// Revocation step reads serials on the page, and x509 is 60 kB of its first load.
import { describeBlocks, parsePemBlocks, type PemResult } from "./pem-blocks";
import { nameCommonName, serialHex, tbsFields } from "./tbs-fields";

export const unreadableBlock = (what: string, n: number, why: string) =>
  `failed to read block ${n} of ${what}: it is not a valid X.509 structure (${why}).`;

/** Every block must be a certificate: a key pasted into a certificate field is named as such. */
export function certificateDers(text: string, what: string): PemResult<Uint8Array[]> {
  const parsed = parsePemBlocks(text, what);
  if (!parsed.ok) return parsed;
  const blocks = parsed.value;
  if (blocks.some((b) => b.kind !== "certificate")) {
    const keyHint = blocks.some((b) => b.kind === "private-key" || b.kind === "encrypted-private-key")
      ? " Paste the private key in the key field, never here."
      : "";
    return {
      ok: false,
      message: `Expected only certificates (-----BEGIN CERTIFICATE-----) in ${what}, but it holds ${describeBlocks(blocks)}.${keyHint}`,
    };
  }
  return { ok: true, value: blocks.map((b) => b.der) };
}

export interface CertificateSerial {
  /** Upper-case hex, as `openssl x509 -serial` prints it. */
  serial: string;
  /** "CN=…" for the message that names what was added. */
  subject: string;
}

/** The serial and CN of every certificate in `text`, for the revocation list. */
export function readSerials(text: string, what: string): PemResult<CertificateSerial[]> {
  const ders = certificateDers(text, what);
  if (!ders.ok) return ders;
  const out: CertificateSerial[] = [];
  for (const [i, der] of ders.value.entries()) {
    const fields = tbsFields(der);
    if (!fields) return { ok: false, message: unreadableBlock(what, i + 1, "no TBSCertificate in it") };
    const cn = nameCommonName(fields.subject);
    out.push({ serial: serialHex(fields.serial.value).toUpperCase(), subject: cn === null ? "no CN" : `CN=${cn}` });
  }
  return { ok: true, value: out };
}
