import { certIdentity } from "../pki/cert-identity";
import { commonNameProblem } from "../pki/names";
import type { CaTransition, RotationPhase } from "../plan/ca-transition";
import type { FieldIssue } from "../plan/issues";
import type { ExistingCaCheck } from "./ca-checks";
import type { LeafValidity } from "./leaf-validity";
import { caAlgorithm, type CaLifecycleInput, MAX_CA_YEARS, type WizardInput, yearsToHours } from "./model";
import { parseWholeNumber } from "./numbers";
import { keepsAgentCa } from "./parse-ca";
import { type LifecycleCa, lifecycleOf, nextPhase, rotationCaProblem } from "./rotation-ca-check";
import type { ParseContext, StepParse } from "./step-parse";

/** A field of the Renew step's CA part, for the CA or the agent CA. */
export const lifecycleField = (which: LifecycleCa, part: keyof CaLifecycleInput) => `renew.${which}.${part}`;
export const ACTION_FIELD = lifecycleField("ca", "action");
export const NEW_NAME_FIELD = lifecycleField("ca", "newCommonName");
export const CA_YEARS_FIELD = lifecycleField("ca", "validityYears");
export const PREVIOUS_CA_FIELD = lifecycleField("ca", "previousCaPem");

export interface CaLifecycleValue {
  transition?: CaTransition;
  /** The phase this download is, when rotating. */
  phase: RotationPhase | null;
  /** Whole days the loaded CA has left, once its check passed. */
  caDaysLeft: number | null;
}

const DAY = 86_400_000;

/**
 * The Renew step's CA part: renew the loaded CA in place, or the next phase of a rotation. Needs the
 * CA loaded on Create a CA; the loaded CA's days left are compared with the leaves' validity.
 */
export function parseCaLifecycle(
  input: WizardInput,
  ctx: ParseContext,
  check: ExistingCaCheck | undefined,
  backendValidity: LeafValidity,
  which: LifecycleCa = "ca",
): StepParse<CaLifecycleValue> {
  const l = lifecycleOf(input, which);
  const ACTION_FIELD = lifecycleField(which, "action");
  const NEW_NAME_FIELD = lifecycleField(which, "newCommonName");
  const CA_YEARS_FIELD = lifecycleField(which, "validityYears");
  const PREVIOUS_CA_FIELD = lifecycleField(which, "previousCaPem");
  const label = which === "ca" ? "CA" : "agent CA";
  // The agent CA is renewed or rotated only when it is one the user loaded (not one made now).
  const isLoaded = input.ca.source === "existing" && (which === "ca" || keepsAgentCa(input));
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const loaded = isLoaded && check?.ok ? check : undefined;
  const caDaysLeft = loaded ? Math.floor((new Date(loaded.notAfter).getTime() - ctx.now.getTime()) / DAY) : null;
  // The validity asked for, not the one cut to the CA's end: the cut is what the warning is about.
  const requested = parseWholeNumber(input.backends.validityHours, "validity in hours", 1, Number.MAX_SAFE_INTEGER);
  const leafDays = backendValidity.ok && requested.ok && which === "ca" ? Math.floor(requested.value / 24) : null;
  if (l.action === "keep" && caDaysLeft !== null && leafDays !== null && caDaysLeft < leafDays)
    warnings.push({
      field: ACTION_FIELD,
      message: `The ${label} has ${caDaysLeft} days left, fewer than the ${leafDays} days backend certificates last: new certificates are cut short to end with it. Start its renewal now (renew in place or rotate).`,
    });
  const phase = l.action === "rotate" ? nextPhase(l) : null;
  const value: CaLifecycleValue = { phase, caDaysLeft };
  if (l.action === "keep") return { value, errors, warnings };
  if (!isLoaded) {
    errors.push({
      field: ACTION_FIELD,
      message: `On Create a CA, choose "Use an existing CA" and load the ${label} certificate and key: the ${l.action === "renew" ? "renewal" : "rotation"} works on the ${label} you run today.`,
    });
    return { value, errors, warnings };
  }
  const years = parseWholeNumber(l.validityYears, "CA validity in years", 1, MAX_CA_YEARS);
  const yearsNeeded = l.action === "renew" || phase === 1;
  if (yearsNeeded && !years.ok) errors.push({ field: CA_YEARS_FIELD, message: years.message });
  if (l.action === "renew") {
    if (check && !check.ok && /expired/.test(check.message))
      errors.push({
        field: ACTION_FIELD,
        message:
          "The CA has already expired: a renewed certificate cannot help hosts that refuse it now. Rotate to a new CA instead, and restart every host (the cluster is down until they all trust it).",
      });
    if (loaded && years.ok) value.transition = { kind: "renew", validityHours: yearsToHours(years.value) };
    return { value, errors, warnings };
  }
  if (phase === 1) {
    const cn = commonNameProblem(l.newCommonName);
    if (cn) errors.push({ field: NEW_NAME_FIELD, message: cn });
    else if (loaded && l.newCommonName.trim() === loaded.commonName)
      errors.push({
        field: NEW_NAME_FIELD,
        message: `The new ${label} needs a name other than "${loaded.commonName}": hosts hold both during the rotation, and one subject for two keys confuses chain building.`,
      });
    if (loaded && years.ok && !cn && l.newCommonName.trim() !== loaded.commonName)
      value.transition = {
        kind: "rotate",
        phase: 1,
        next: {
          commonName: l.newCommonName.trim(),
          validityHours: yearsToHours(years.value),
          algorithm: caAlgorithm(input),
        },
      };
    return { value, errors, warnings };
  }
  if (phase === 2) {
    const previous = certIdentity(l.previousCaPem);
    if (!previous.ok)
      errors.push({
        field: PREVIOUS_CA_FIELD,
        message: `Paste or load the old ${label}'s certificate (one certificate): hosts keep trusting it during phase 2.`,
      });
    else if (previous.fingerprint.toUpperCase() !== l.rotation.from.toUpperCase())
      errors.push({
        field: PREVIOUS_CA_FIELD,
        message: `This is ${previous.commonName === null ? "a certificate" : `"${previous.commonName}"`} (SHA-256 ${previous.fingerprint.slice(0, 23)}…), not the old ${label} the rotation started from (${l.rotation.from.slice(0, 23)}…).`,
      });
    else if (loaded && !rotationCaProblem(input, check, which))
      value.transition = { kind: "rotate", phase: 2, previousCaPem: l.previousCaPem };
    return { value, errors, warnings };
  }
  if (loaded && !rotationCaProblem(input, check, which))
    value.transition = { kind: "rotate", phase: 3, previousFingerprint: l.rotation.from };
  return { value, errors, warnings };
}
