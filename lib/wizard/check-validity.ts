import { addHours } from "../pki/validity";
import { MAX_CA_YEARS, type WizardInput, yearsToHours } from "./model";
import { parseWholeNumber } from "./numbers";

export type LeafValidity = { ok: true; hours: number } | { ok: false; message: string };

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The CA's validity in hours, if its field is valid (its own error shows on the CA step). */
export function caValidityHours(input: WizardInput): number | null {
  const years = parseWholeNumber(input.ca.validityYears, "CA validity", 1, MAX_CA_YEARS);
  return years.ok ? yearsToHours(years.value) : null;
}

/**
 * A leaf's validity in hours: a positive whole number that does not outlive the CA
 * (reference point 8: a certificate past its CA's expiry fails to verify from that day on).
 */
export function checkLeafValidity(raw: string, input: WizardInput, now: Date): LeafValidity {
  const caHours = caValidityHours(input);
  const hours = parseWholeNumber(raw, "validity in hours", 1, Number.MAX_SAFE_INTEGER);
  if (!hours.ok) return hours;
  if (caHours !== null && hours.value > caHours) {
    return {
      ok: false,
      message: `${hours.value} hours would end on ${isoDay(addHours(now, hours.value))}, after the CA expires on ${isoDay(addHours(now, caHours))}. Use at most ${caHours} hours, or a longer-lived CA.`,
    };
  }
  return { ok: true, hours: hours.value };
}
