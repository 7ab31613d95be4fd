import { isPrivateKeyLabel, pemKind, scanPem } from "./pem-scan";

/** Unencrypted PKCS#8, the form Go's tls.LoadX509KeyPair and etcd read for RSA and ECDSA alike. */
export async function privateKeyPem(crypto: Crypto, key: CryptoKey): Promise<string> {
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", key);
  return withNewline(pemOf(pkcs8, "PRIVATE KEY"));
}

/**
 * DER as a PEM block, base64 in 64-character lines (RFC 7468). Written here rather than taken from
 * x509's PemConverter: this module is on every page (it finds certificate blocks), x509 is not.
 */
export function pemOf(der: ArrayBuffer | Uint8Array, label: string): string {
  const bytes = new Uint8Array(der);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join("\n");
}

/** PEM files end with a newline so `cat a.pem b.pem` and `diff` behave. */
export function withNewline(pem: string): string {
  const unix = pem.replace(/\r\n/g, "\n");
  return unix.endsWith("\n") ? unix : `${unix}\n`;
}

/**
 * The CERTIFICATE blocks of a text, in order, anything around them dropped; a block without its
 * END line, or with nothing between the lines, is no certificate. Not parsed.
 */
export function certificateBlocks(text: string): string[] {
  return scanPem(text, (label) => label === "CERTIFICATE")
    .filter((s) => s.closed && s.bodyEnd > s.bodyStart)
    .map((s) => text.slice(s.start, s.end));
}

/** Whether the text has a certificate's BEGIN line, whole or not: enough to say a file is meant as one. */
export function holdsCertificate(text: string): boolean {
  return scanPem(text, (label) => pemKind(label) === "certificate").length > 0;
}

/**
 * The text with every private key block removed (an unterminated one up to the end), and how many,
 * so that no message or preview can quote a key.
 */
export function withoutPrivateKeys(text: string): { text: string; removed: number } {
  const keys = scanPem(text, isPrivateKeyLabel);
  let rest = "";
  let from = 0;
  for (const key of keys) {
    rest += text.slice(from, key.start);
    from = key.end;
  }
  return { text: rest + text.slice(from), removed: keys.length };
}
