import { type CertView, DerCertificate } from "./der-certificate";
import { type ExpiryStatus, expiryStatus } from "./expiry-status";
import { colonHex, daysUntil } from "./format";
import { type CertificateSummary, summarize } from "./inspect";
import { parsePemBlocks } from "./pem-blocks";

export interface CertificateDescription extends CertificateSummary {
  /** The file (or field) it came from, and its position there when a file holds several. */
  source: string;
  /** Serial as colon-separated hex, as `openssl x509 -serial` shows it (without the colons there). */
  serialHex: string;
  sha1: string;
  sha256: string;
  /** Whole days from `now` to notAfter; negative once expired. */
  daysLeft: number;
  status: ExpiryStatus;
}

export interface CertificateFile {
  name: string;
  text: string;
}

export interface Described {
  /** Every certificate found, soonest expiry first. */
  certificates: CertificateDescription[];
  /** Files without a certificate (a key, a CSR) or that could not be read, each with the reason. */
  skipped: { name: string; reason: string }[];
}

/** A digest of the certificate's DER as "AB:CD:…", as `openssl x509 -fingerprint` prints it. */
async function fingerprint(crypto: Crypto, cert: CertView, hash: "SHA-1" | "SHA-256"): Promise<string> {
  return colonHex(await crypto.subtle.digest(hash, cert.rawData));
}

/** SHA-256 fingerprint "AB:CD:…", for plan files and for comparing with `openssl x509 -fingerprint -sha256`. */
export function fingerprintSha256(crypto: Crypto, cert: CertView): Promise<string> {
  return fingerprint(crypto, cert, "SHA-256");
}

export async function describeCertificate(
  crypto: Crypto,
  now: Date,
  cert: CertView,
  source: string,
): Promise<CertificateDescription> {
  const summary = summarize(cert);
  const daysLeft = daysUntil(now, cert.notAfter);
  return {
    ...summary,
    source,
    serialHex: colonHex(Uint8Array.from(cert.serialNumber.match(/../g) ?? [], (h) => Number.parseInt(h, 16))),
    sha1: await fingerprint(crypto, cert, "SHA-1"),
    sha256: await fingerprintSha256(crypto, cert),
    daysLeft,
    status: expiryStatus(daysLeft, now, cert.notAfter),
  };
}

/**
 * Every certificate in the given files, for the Renew view. Keys and CSRs are skipped with a
 * reason rather than refused: a user may drop a whole /etc/sensu/tls folder here.
 */
export async function describeCertificates(
  crypto: Crypto,
  now: Date,
  files: readonly CertificateFile[],
  progress?: (done: number, total: number, name: string) => void,
): Promise<Described> {
  const certificates: CertificateDescription[] = [];
  const skipped: Described["skipped"] = [];
  // A fleet's bundle holds the same ca.pem in a thousand agent folders: each text is read once.
  const known = new Map<string, Omit<CertificateDescription, "source">[]>();
  for (const [i, file] of files.entries()) {
    progress?.(i, files.length, file.name);
    const seen = known.get(file.text);
    if (seen) {
      const many = seen.length > 1;
      seen.forEach((d, n) => certificates.push({ ...d, source: many ? `${file.name} #${n + 1}` : file.name }));
      continue;
    }
    const parsed = parsePemBlocks(file.text, file.name);
    if (!parsed.ok) {
      skipped.push({ name: file.name, reason: parsed.message });
      continue;
    }
    const blocks = parsed.value.filter((b) => b.kind === "certificate");
    if (blocks.length === 0) skipped.push({ name: file.name, reason: `${file.name} holds no certificate.` });
    const read: CertificateDescription[] = [];
    for (const [i, block] of blocks.entries()) {
      const source = blocks.length > 1 ? `${file.name} #${i + 1}` : file.name;
      try {
        // Read with der.ts: x509's full parse was most of the time a fleet's bundle took to list.
        read.push(await describeCertificate(crypto, now, new DerCertificate(new Uint8Array(block.der)), source));
      } catch (e) {
        skipped.push({
          name: source,
          reason: `failed to read ${source}: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    }
    certificates.push(...read);
    // Only a file read whole is remembered: one with an unreadable block is read (and reported) again.
    if (read.length === blocks.length && read.length > 0) known.set(file.text, read);
  }
  certificates.sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime());
  return { certificates, skipped };
}
