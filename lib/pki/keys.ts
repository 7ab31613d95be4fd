import { type KeyAlgorithmId, keyGenParams } from "./algorithms";

/**
 * A new key pair. Extractable because the private key is written to the bundle as PKCS#8; it still
 * never leaves memory until the user downloads the zip.
 */
export async function generateKeyPair(crypto: Crypto, algorithm: KeyAlgorithmId): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(keyGenParams(algorithm), true, ["sign", "verify"])) as CryptoKeyPair;
}
