import { certificateDers, unreadableBlock } from "./certificate-ders";
import { describeBlocks, parsePemBlocks, type PemResult } from "./pem-blocks";
import { Pkcs10CertificateRequest, X509Certificate } from "./x509";

function decode<T>(make: () => T, what: string, n: number): PemResult<T> {
  try {
    return { ok: true, value: make() };
  } catch (e) {
    return { ok: false, message: unreadableBlock(what, n, e instanceof Error ? e.message : String(e)) };
  }
}

/** Every block must be a certificate: a key pasted into a certificate field is named as such. */
export function readCertificates(text: string, what = "the certificate"): PemResult<X509Certificate[]> {
  const ders = certificateDers(text, what);
  if (!ders.ok) return ders;
  const certs: X509Certificate[] = [];
  for (const [i, der] of ders.value.entries()) {
    const cert = decode(() => new X509Certificate(der as BufferSource), what, i + 1);
    if (!cert.ok) return cert;
    certs.push(cert.value);
  }
  return { ok: true, value: certs };
}

/** Exactly one certificate; a chain or a bundle where one is expected says how many it found. */
export function readOneCertificate(text: string, what = "the certificate"): PemResult<X509Certificate> {
  const certs = readCertificates(text, what);
  if (!certs.ok) return certs;
  const [first, ...rest] = certs.value;
  if (!first || rest.length > 0) {
    const subjects = certs.value.map((c) => `"${c.subject}"`).join(", ");
    return {
      ok: false,
      message: `Expected one certificate in ${what}, but it holds ${certs.value.length} (${subjects}). Paste only the one certificate; a chain file or a bundle of CAs belongs elsewhere.`,
    };
  }
  return { ok: true, value: first };
}

/** Exactly one certificate signing request. */
export function readOneCsr(text: string, what = "the CSR"): PemResult<Pkcs10CertificateRequest> {
  const parsed = parsePemBlocks(text, what);
  if (!parsed.ok) return parsed;
  const [block, ...rest] = parsed.value;
  if (!block || rest.length > 0 || block.kind !== "csr") {
    return {
      ok: false,
      message: `Expected one certificate signing request (-----BEGIN CERTIFICATE REQUEST-----) in ${what}, but it holds ${describeBlocks(parsed.value)}.`,
    };
  }
  return decode(() => new Pkcs10CertificateRequest(block.der as BufferSource), what, 1);
}

/** Hex of DER bytes, to compare keys (SubjectPublicKeyInfo) or whole certificates by content. */
export function derHex(spki: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(spki), (b) => b.toString(16).padStart(2, "0")).join("");
}
