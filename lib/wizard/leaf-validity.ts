import { capLeafValidity } from "../pki/leaf-cap";
import { addHours } from "../pki/validity";
import type { WizardInput } from "./model";
import { parseWholeNumber } from "./numbers";
import type { CaValue } from "./parse-ca";

export type LeafValidity = { ok: true; hours: number; notice?: string } | { ok: false; message: string };
export type LeafRole = "backend" | "agent";

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A leaf's validity in hours. Under a CA made here it must not outlive the CA (reference point 8);
 * under a loaded CA it is cut to end with the CA, and the notice says so.
 */
export function leafValidity(raw: string, input: WizardInput, now: Date, ca: CaValue, role: LeafRole): LeafValidity {
  const hours = parseWholeNumber(raw, "validity in hours", 1, Number.MAX_SAFE_INTEGER);
  if (!hours.ok) return hours;
  // The organization's CA decides the validity of what it signs.
  if (input.ca.source === "corporate") return { ok: true, hours: hours.value };
  const loaded = ca.issuerEnd[role];
  if (loaded === "unknown") return { ok: true, hours: hours.value };
  if (loaded) {
    const capped = capLeafValidity(now, loaded, hours.value);
    return capped.capped
      ? { ok: true, hours: capped.hours, notice: capped.notice ?? undefined }
      : { ok: true, hours: hours.value };
  }
  const caHours = ca.caHours;
  if (caHours !== null && hours.value > caHours) {
    return {
      ok: false,
      message: `${hours.value} hours would end on ${isoDay(addHours(now, hours.value))}, after the CA expires on ${isoDay(addHours(now, caHours))}. Use at most ${caHours} hours, or a longer-lived CA.`,
    };
  }
  return { ok: true, hours: hours.value };
}
