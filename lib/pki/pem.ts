import { PemConverter } from "./x509";

/** Unencrypted PKCS#8, the form Go's tls.LoadX509KeyPair and etcd read for RSA and ECDSA alike. */
export async function privateKeyPem(crypto: Crypto, key: CryptoKey): Promise<string> {
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", key);
  return withNewline(PemConverter.encode(pkcs8, "PRIVATE KEY"));
}

/** PEM files end with a newline so `cat a.pem b.pem` and `diff` behave. */
export function withNewline(pem: string): string {
  const unix = pem.replace(/\r\n/g, "\n");
  return unix.endsWith("\n") ? unix : `${unix}\n`;
}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The CERTIFICATE blocks of a text, in order, anything around them dropped. Not parsed. */
export function certificateBlocks(text: string): string[] {
  return text.match(CERTIFICATE_BLOCK) ?? [];
}
