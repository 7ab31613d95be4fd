// A certificate's fingerprint and subject CN read from its DER with der.ts, not x509, so a step's
// parse on the page can name a pasted CA without loading the x509 library (first-load.test.ts).
import { readTlv, TAG } from "./der";
import { parsePemBlocks } from "./pem-blocks";
import { fingerprintOfDer } from "./sha256-sync";
import { nameCommonName, tbsFields } from "./tbs-fields";

export type CertIdentity = { ok: true; fingerprint: string; commonName: string | null } | { ok: false };

/** The subject's first CN; null when it has none. */
function subjectCommonName(der: Uint8Array): string | null {
  const fields = tbsFields(der);
  return fields ? nameCommonName(fields.subject) : null;
}

/** The SHA-256 fingerprint and CN of the one certificate in `pem`, or not ok when it holds anything else. */
export function certIdentity(pem: string): CertIdentity {
  const blocks = parsePemBlocks(pem, "the certificate");
  if (!blocks.ok || blocks.value.length !== 1 || blocks.value[0]!.kind !== "certificate") return { ok: false };
  const der = blocks.value[0]!.der;
  const cert = readTlv(der);
  if (!cert || cert.tag !== TAG.sequence || cert.end !== der.length) return { ok: false };
  return { ok: true, fingerprint: fingerprintOfDer(der), commonName: subjectCommonName(der) };
}
