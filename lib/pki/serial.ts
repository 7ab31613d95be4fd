/**
 * A random, positive serial number as hex. RFC 5280 allows at most 20 octets; 16 random octets give
 * 127 bits of entropy once the top bit is cleared (a set top bit would make the INTEGER negative).
 * The second-highest bit is set so the encoding never shrinks below 16 octets.
 */
export function randomSerial(crypto: Crypto): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
