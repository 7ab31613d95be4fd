/** "2026-01-15 12:00 UTC": unambiguous in every locale, and what messages and tables show. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "AB:CD:…", as `openssl x509 -fingerprint` prints it, so users can compare the two by eye. */
export function colonHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0").toUpperCase()).join(":");
}

export const DAY_MS = 86_400_000;

/** Whole days from `now` until `date`, rounded down; negative once it has passed. */
export function daysUntil(now: Date, date: Date): number {
  return Math.floor((date.getTime() - now.getTime()) / DAY_MS);
}
