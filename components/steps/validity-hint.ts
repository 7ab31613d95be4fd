import { addHours } from "@/lib/pki/validity";

/** "Expires 2027-05-21 (about 180 days)." followed by the field's own advice. */
export function validityHint(now: Date, hours: number, advice: string): string {
  const end = addHours(now, hours).toISOString().slice(0, 10);
  const days = Math.round(hours / 24);
  return `Expires ${end} (about ${days.toLocaleString("en")} days). ${advice}`;
}
