/**
 * FNV-1a over UTF-16 code units, as hex: a cheap fingerprint so a stored check result is known to
 * belong to the exact texts it was computed for. Not a security primitive.
 */
export function textHash(...texts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff; // separator, so ("ab", "c") and ("a", "bc") differ
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
