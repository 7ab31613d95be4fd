import { capLeafValidity } from "../pki/import-ca";
import { addHours } from "../pki/validity";
import { MAX_CA_YEARS, type WizardInput, yearsToHours } from "./model";
import { parseWholeNumber } from "./numbers";

export type LeafValidity = { ok: true; hours: number; notice?: string } | { ok: false; message: string };
export type LeafRole = "backend" | "agent";

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The CA's validity in hours, if its field is valid (its own error shows on the CA step). */
export function caValidityHours(input: WizardInput): number | null {
  const years = parseWholeNumber(input.ca.validityYears, "CA validity", 1, MAX_CA_YEARS);
  return years.ok ? yearsToHours(years.value) : null;
}

/** Whether the agent CA is one the user loaded (separate layout, existing source, a certificate given). */
export function keepsAgentCa(input: WizardInput): boolean {
  return (
    input.plan.caLayout === "separate" && input.ca.source === "existing" && input.ca.agentExisting.certPem.trim() !== ""
  );
}

/** When the issuer of a role's certificates expires: a loaded CA's date, or null for a CA made now. */
function existingIssuerEnd(input: WizardInput, role: LeafRole): Date | "unknown" | null {
  if (input.ca.source !== "existing") return null;
  const own =
    role === "agent" && input.plan.caLayout === "separate"
      ? keepsAgentCa(input)
        ? input.ca.agentExisting
        : null
      : input.ca.existing;
  if (!own) return null;
  return own.check?.ok ? new Date(own.check.notAfter) : "unknown";
}

/**
 * A leaf's validity in hours. Under a CA made here it must not outlive the CA (reference point 8);
 * under a loaded CA it is cut to end with the CA, and the notice says so.
 */
export function checkLeafValidity(
  raw: string,
  input: WizardInput,
  now: Date,
  role: LeafRole = "backend",
): LeafValidity {
  const hours = parseWholeNumber(raw, "validity in hours", 1, Number.MAX_SAFE_INTEGER);
  if (!hours.ok) return hours;
  // The organization's CA decides the validity of what it signs.
  if (input.ca.source === "corporate") return { ok: true, hours: hours.value };
  const loaded = existingIssuerEnd(input, role);
  if (loaded === "unknown") return { ok: true, hours: hours.value };
  if (loaded) {
    const capped = capLeafValidity(now, loaded, hours.value);
    return capped.capped
      ? { ok: true, hours: capped.hours, notice: capped.notice ?? undefined }
      : { ok: true, hours: hours.value };
  }
  const caHours = caValidityHours(input);
  if (caHours !== null && hours.value > caHours) {
    return {
      ok: false,
      message: `${hours.value} hours would end on ${isoDay(addHours(now, hours.value))}, after the CA expires on ${isoDay(addHours(now, caHours))}. Use at most ${caHours} hours, or a longer-lived CA.`,
    };
  }
  return { ok: true, hours: hours.value };
}
