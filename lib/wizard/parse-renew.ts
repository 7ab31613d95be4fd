import type { FieldIssue } from "../plan/issues";
import type { ExpiryThresholds } from "../plan/resolved-plan";
import type { LeafValidity } from "./leaf-validity";
import type { WizardInput } from "./model";
import { parseWholeNumber } from "./numbers";
import type { CaLifecycleValue } from "./parse-ca-lifecycle";
import type { StepParse } from "./step-parse";

export interface RenewValue {
  expiry: ExpiryThresholds | null;
  /** The CA's own lifecycle: renewed in place, or a rotation phase (parse-ca-lifecycle.ts). */
  ca?: CaLifecycleValue;
  /** The agent CA's, in the separate layout. */
  agentCa?: CaLifecycleValue;
}

/** Ten years: longer than any leaf here, and past it a threshold is a typo rather than a plan. */
export const MAX_EXPIRY_DAYS = 3650;
export const WARNING_FIELD = "renew.warningDays";
export const CRITICAL_FIELD = "renew.criticalDays";

type ThresholdsResult = { ok: true; value: ExpiryThresholds } | { ok: false; errors: FieldIssue[] };

/** The Renew step's thresholds as numbers, or every problem at its field (the command line's inspect reads them too). */
export function parseThresholds(input: Pick<WizardInput, "renew">): ThresholdsResult {
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

/**
 * The Renew step: the expiry checks' thresholds. A certificate that lives no longer than the warning
 * threshold would warn from the day it is issued, so that is said (without blocking).
 */
export function parseRenew(
  input: WizardInput,
  lifetimes: { backend: LeafValidity; agent: LeafValidity },
): StepParse<RenewValue> {
  const thresholds = parseThresholds(input);
  if (!thresholds.ok) return { value: { expiry: null }, errors: thresholds.errors, warnings: [] };
  const warnings: FieldIssue[] = [];
  const days = (["backend", "agent"] as const).flatMap((what) => {
    const v = lifetimes[what];
    return v.ok ? [{ what, days: Math.floor(v.hours / 24) }] : [];
  });
  const short = days.filter((l) => l.days <= thresholds.value.warningDays);
  if (short.length > 0) {
    const list = short.map((l) => `${l.what} certificates last ${l.days} days`).join(", ");
    warnings.push({
      field: WARNING_FIELD,
      message: `${list.charAt(0).toUpperCase()}${list.slice(1)}: the check warns from the day they are issued. Use a shorter warning threshold or a longer validity.`,
    });
  }
  return { value: { expiry: thresholds.value }, errors: [], warnings };
}
