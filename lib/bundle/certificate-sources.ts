import { unzipSync } from "fflate";

import type { CertificateDescription, CertificateFile } from "../pki/describe-cert";
import { holdsCertificate, withoutPrivateKeys } from "../pki/pem";

/**
 * Turns what a user loads on the Renew step (a bundle zip, .pem files, pasted text) into the
 * certificate texts describeCertificates reads. Private keys are never read out of a zip, and
 * key blocks are cut from any text before parsing, so no message can quote a key.
 */

/** A file as loaded in the browser. */
export interface LoadedFile {
  name: string;
  bytes: Uint8Array;
  /** The file's size, when it was too big to read into bytes at all. */
  size?: number;
}

export interface SourceProblem {
  /** The file (or zip entry) the problem is about. */
  name: string;
  reason: string;
}

export interface CertificateSources {
  files: CertificateFile[];
  problems: SourceProblem[];
  /** Private keys seen and left unread: named, never shown. */
  ignoredKeys: string[];
}

/** The bundle is a few hundred kilobytes; far past that it is not a bundle. */
export const MAX_FILE_BYTES = 20_000_000;
/** A .pem in a zip is a few kilobytes; a bigger one is not read (and not decompressed). */
export const MAX_PEM_BYTES = 1_000_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** cfssljson's NAME-key.pem: a private key by name, skipped unread. */
export function isKeyFileName(path: string): boolean {
  return /-key\.pem$/i.test(path);
}

const baseName = (path: string) => path.split("/").pop() ?? path;

function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function addText(out: CertificateSources, name: string, text: string): void {
  const { text: rest, removed } = withoutPrivateKeys(text);
  if (removed > 0) out.ignoredKeys.push(name);
  // Only a private key, now removed: nothing more to say about this file.
  if (removed > 0 && rest.trim() === "") return;
  out.files.push({ name, text: rest });
}

function addZip(out: CertificateSources, file: LoadedFile): void {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(file.bytes, {
      filter: (f) => {
        if (!/\.pem$/i.test(f.name)) return false;
        if (isKeyFileName(f.name)) {
          out.ignoredKeys.push(f.name);
          return false;
        }
        if (f.originalSize > MAX_PEM_BYTES) {
          out.problems.push({
            name: f.name,
            reason: `${f.name} in ${file.name} is over 1 MB, too big for a certificate: not read.`,
          });
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    out.problems.push({
      name: file.name,
      reason: `failed to read ${file.name} as a zip (${e instanceof Error ? e.message : String(e)}). Load the bundle as downloaded, or its .pem files.`,
    });
    return;
  }
  let found = 0;
  for (const [path, bytes] of Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))) {
    const text = decodeText(bytes);
    // "Every *.pem that holds a CERTIFICATE block": a CSR or anything else named .pem is passed over.
    if (text === null || !holdsCertificate(text)) continue;
    found++;
    addText(out, path, text);
  }
  if (found === 0)
    out.problems.push({ name: file.name, reason: `${file.name} holds no .pem file with a certificate.` });
}

/** Every loaded file, zips unpacked: certificate texts to describe, and what was left out and why. */
export function certificateSources(loaded: readonly LoadedFile[], pasted = ""): CertificateSources {
  const out: CertificateSources = { files: [], problems: [], ignoredKeys: [] };
  for (const file of loaded) {
    if ((file.size ?? file.bytes.byteLength) > MAX_FILE_BYTES) {
      out.problems.push({
        name: file.name,
        reason: `${file.name} is over 20 MB: not a Sensu TLS bundle or a certificate. Not read.`,
      });
      continue;
    }
    if (isZip(file.bytes) || /\.zip$/i.test(file.name)) {
      addZip(out, file);
      continue;
    }
    if (isKeyFileName(file.name)) {
      out.ignoredKeys.push(file.name);
      continue;
    }
    const text = decodeText(file.bytes);
    if (text === null || text.includes("\u0000")) {
      out.problems.push({
        name: file.name,
        reason: `${file.name} is neither a zip nor PEM text (-----BEGIN CERTIFICATE-----). DER files: convert with openssl x509 -inform der -in ${baseName(file.name)} -out cert.pem`,
      });
      continue;
    }
    addText(out, file.name, text);
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
