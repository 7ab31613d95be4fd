export type ParsedInt = { ok: true; value: number } | { ok: false; message: string };

/** A whole number within [min, max], with a message that says which rule it broke. */
export function parseWholeNumber(raw: string, what: string, min: number, max: number): ParsedInt {
  const text = raw.trim();
  if (text === "") return { ok: false, message: `Enter the ${what}.` };
  if (/^-\d+$/.test(text)) return { ok: false, message: `The ${what} cannot be negative.` };
  if (!/^\d+$/.test(text)) return { ok: false, message: `The ${what} must be a whole number.` };
  const value = Number(text);
  if (value < min) return { ok: false, message: `The ${what} must be at least ${min}.` };
  if (value > max) return { ok: false, message: `The ${what} can be at most ${max}.` };
  return { ok: true, value };
}
