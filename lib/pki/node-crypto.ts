/**
 * The WebCrypto provider for Node (tests, bench, scripts). Node 20 has a native one and it is faster
 * (STACK.md); @peculiar/webcrypto is only the fallback for a runtime without it. The browser never
 * imports this file: the page and the Worker use their own `crypto`.
 */
export async function nodeCrypto(): Promise<Crypto> {
  if (globalThis.crypto?.subtle) return globalThis.crypto;
  const { Crypto: Polyfill } = await import("@peculiar/webcrypto");
  return new Polyfill() as unknown as Crypto;
}
