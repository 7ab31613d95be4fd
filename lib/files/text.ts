/**
 * The file's text, or null when it is not text: not UTF-8, or holding a NUL (UTF-16 text and
 * binary formats such as DER do). A byte-order mark is dropped, as editors write one.
 */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return text.includes("\u0000") ? null : text;
}
