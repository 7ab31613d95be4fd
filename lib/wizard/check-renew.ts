import type { FieldIssue, StepCheck } from "../plan/issues";
import type { ExpiryThresholds } from "../plan/resolved-plan";
import type { WizardInput } from "./model";
import { parseWholeNumber } from "./numbers";

/** Ten years: longer than any leaf here, and past it a threshold is a typo rather than a plan. */
export const MAX_EXPIRY_DAYS = 3650;
export const WARNING_FIELD = "renew.warningDays";
export const CRITICAL_FIELD = "renew.criticalDays";

export type ThresholdsResult = { ok: true; value: ExpiryThresholds } | { ok: false; errors: FieldIssue[] };

/** The Renew step's thresholds as numbers, or every problem at its field. */
export function resolveExpiryThresholds(input: WizardInput): ThresholdsResult {
  const warning = parseWholeNumber(input.renew.warningDays, "warning threshold in days", 1, MAX_EXPIRY_DAYS);
  const critical = parseWholeNumber(input.renew.criticalDays, "critical threshold in days", 1, MAX_EXPIRY_DAYS);
  const errors: FieldIssue[] = [];
  if (!warning.ok) errors.push({ field: WARNING_FIELD, message: warning.message });
  if (!critical.ok) errors.push({ field: CRITICAL_FIELD, message: critical.message });
  if (!warning.ok || !critical.ok) return { ok: false, errors };
  if (critical.value >= warning.value) {
    // Checked from the critical end first, so an equal or larger critical threshold would hide the warning.
    errors.push({
      field: CRITICAL_FIELD,
      message: `The critical threshold (${critical.value} days) must be fewer days than the warning threshold (${warning.value} days): the check turns WARNING first, then CRITICAL.`,
    });
    return { ok: false, errors };
  }
  return { ok: true, value: { warningDays: warning.value, criticalDays: critical.value } };
}

/** Leaf lifetimes in days, where their fields are valid (their own errors show on their steps). */
function leafDays(input: WizardInput): { what: string; days: number }[] {
  const out: { what: string; days: number }[] = [];
  for (const [what, raw] of [
    ["backend", input.backends.validityHours],
    ["agent", input.agents.validityHours],
  ] as const) {
    const hours = parseWholeNumber(raw, "validity", 1, Number.MAX_SAFE_INTEGER);
    if (hours.ok) out.push({ what, days: Math.floor(hours.value / 24) });
  }
  return out;
}

export function checkRenew(input: WizardInput): StepCheck {
  const thresholds = resolveExpiryThresholds(input);
  if (!thresholds.ok) return { errors: thresholds.errors, warnings: [] };
  const warnings: FieldIssue[] = [];
  const short = leafDays(input).filter((l) => l.days <= thresholds.value.warningDays);
  if (short.length > 0) {
    const list = short.map((l) => `${l.what} certificates last ${l.days} days`).join(", ");
    warnings.push({
      field: WARNING_FIELD,
      message: `${list.charAt(0).toUpperCase()}${list.slice(1)}: the check warns from the day they are issued. Use a shorter warning threshold or a longer validity.`,
    });
  }
  return { errors: [], warnings };
}
