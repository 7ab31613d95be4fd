// A certificate's fingerprint and subject CN read from its DER with der.ts, not x509, so a step's
// parse on the page can name a pasted CA without loading the x509 library (first-load.test.ts).
import { decodeOid, readChildren, readTlv, TAG } from "./der";
import { parsePemBlocks } from "./pem-blocks";
import { fingerprintOfDer } from "./sha256-sync";

const COMMON_NAME_OID = "2.5.4.3";

export type CertIdentity = { ok: true; fingerprint: string; commonName: string | null } | { ok: false };

/** The subject's first CN, walking Certificate → TBSCertificate → subject; null when it has none. */
function subjectCommonName(der: Uint8Array): string | null {
  const cert = readTlv(der);
  const tbs = cert && cert.tag === TAG.sequence ? readChildren(cert.value)?.[0] : undefined;
  const fields = tbs && tbs.tag === TAG.sequence ? readChildren(tbs.value) : null;
  if (!fields) return null;
  // The optional [0] version shifts the rest: serial, signature, issuer, validity, subject.
  const subject = fields[fields[0]?.tag === TAG.context0 ? 5 : 4];
  for (const rdn of (subject && readChildren(subject.value)) ?? []) {
    for (const attribute of readChildren(rdn.value) ?? []) {
      const [type, value] = readChildren(attribute.value) ?? [];
      if (type?.tag === TAG.oid && value && decodeOid(type.value) === COMMON_NAME_OID)
        return new TextDecoder("utf-8", { fatal: false }).decode(value.value);
    }
  }
  return null;
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
