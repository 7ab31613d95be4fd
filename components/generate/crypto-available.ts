/**
 * Browsers expose crypto.subtle only in secure contexts: https, or http from localhost/127.0.0.1.
 * Opened as http://some-host:3000 it is simply undefined, so say so instead of failing later.
 */
export function webCryptoAvailable(): boolean {
  return (
    typeof window !== "undefined" &&
    window.isSecureContext &&
    typeof globalThis.crypto?.subtle?.generateKey === "function"
  );
}
