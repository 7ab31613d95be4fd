import {
  type FileRead,
  type LoadedFile,
  readFiles,
  type ReadOptions,
  type ReadProgressListener,
} from "../files/read-files";
import type { CertificateDescription, CertificateFile } from "../pki/describe-cert";
import { holdsCertificate, withoutPrivateKeys } from "../pki/pem";

/**
 * Turns what a user loads on the Renew step (a bundle zip, .pem files, pasted text) into the
 * certificate texts describeCertificates reads. Private keys are never read out of a zip, and
 * key blocks are cut from any text before parsing, so no message can quote a key.
 */

export interface SourceProblem {
  /** The file (or zip entry) the problem is about. */
  name: string;
  reason: string;
  /** The file itself was left unread (a cap, a damaged zip, not text), rather than found to hold no certificate. */
  unread?: boolean;
}

export interface CertificateSources {
  files: CertificateFile[];
  problems: SourceProblem[];
  /** Private keys seen and left unread: named, never shown. */
  ignoredKeys: string[];
}

/** cfssljson's NAME-key.pem: a private key by name, skipped unread. */
export function isKeyFileName(path: string): boolean {
  return /-key\.pem$/i.test(path);
}

/** Every .pem of a zip but the keys, and any loaded file but a key by its name. */
const RENEW_FILES: ReadOptions = {
  instead: "the bundle as downloaded, or its .pem files",
  unzip: true,
  entries: (path) => /\.pem$/i.test(path),
  skip: isKeyFileName,
};

const baseName = (path: string) => path.split("/").pop() ?? path;

function addText(out: CertificateSources, name: string, text: string): void {
  const { text: rest, removed } = withoutPrivateKeys(text);
  if (removed > 0) out.ignoredKeys.push(name);
  // Only a private key, now removed: nothing more to say about this file.
  if (removed > 0 && rest.trim() === "") return;
  out.files.push({ name, text: rest });
}

function addZip(out: CertificateSources, zip: Extract<FileRead, { kind: "zip" }>): void {
  out.ignoredKeys.push(...zip.skipped);
  // "Every *.pem that holds a CERTIFICATE block": a CSR, or anything else named .pem, is passed over.
  const certificates = zip.files.filter((f) => holdsCertificate(f.text)).sort((a, b) => a.name.localeCompare(b.name));
  for (const f of certificates) addText(out, f.name, f.text);
  if (certificates.length === 0)
    out.problems.push({ name: zip.name, reason: `${zip.name} holds no .pem file with a certificate.` });
}

/** Every loaded file, zips unpacked: certificate texts to describe, and what was left out and why. */
export function certificateSources(
  loaded: readonly LoadedFile[],
  pasted = "",
  progress?: ReadProgressListener,
): CertificateSources {
  const out: CertificateSources = { files: [], problems: [], ignoredKeys: [] };
  for (const read of readFiles(loaded, RENEW_FILES, progress)) {
    if (read.kind === "text") addText(out, read.name, read.text);
    else if (read.kind === "zip") addZip(out, read);
    else if (read.kind === "skipped") out.ignoredKeys.push(read.name);
    else
      out.problems.push({
        name: read.name,
        unread: true,
        reason:
          read.problem.cause === "not-text"
            ? `${read.name} is neither a zip nor PEM text (-----BEGIN CERTIFICATE-----). DER files: convert with openssl x509 -inform der -in ${baseName(read.name)} -out cert.pem`
            : read.problem.reason,
      });
  }
  if (pasted.trim() !== "") addText(out, "the pasted text", pasted);
  return out;
}

export interface CertificateGroup {
  certificate: CertificateDescription;
  /** Every place it was found: the bundle copies ca.pem into each host folder. */
  sources: string[];
}

const depth = (source: string) => source.split("/").length;

/**
 * One entry per distinct certificate (by SHA-256), in the given order, with all its sources,
 * shallowest path first: the bundle's ca/ca.pem names a CA better than a host folder's copy.
 */
export function groupIdentical(certificates: readonly CertificateDescription[]): CertificateGroup[] {
  const groups = new Map<string, CertificateGroup>();
  for (const c of certificates) {
    const group = groups.get(c.sha256);
    if (group) group.sources.push(c.source);
    else groups.set(c.sha256, { certificate: c, sources: [c.source] });
  }
  for (const g of groups.values()) g.sources.sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  return [...groups.values()];
}
