import type { RotationPhase } from "../plan/ca-transition";
import type { FieldIssue } from "../plan/issues";
import type { ExistingCaCheck } from "./ca-checks";
import { type CaLifecycleInput, defaultCaLifecycle, type WizardInput } from "./model";

export const lifecycleOf = (input: WizardInput): CaLifecycleInput => input.renew.ca ?? defaultCaLifecycle();

/** The phase a download makes: the one after the plan file's, or phase 1 when none (or a finished one) was recorded. */
export function nextPhase(l: CaLifecycleInput): RotationPhase {
  return l.rotation.phase === 1 ? 2 : l.rotation.phase === 2 ? 3 : 1;
}

/**
 * In phases 2 and 3 the loaded CA must be the rotation's new CA: phase 1's ca/ca.pem and ca-key.pem.
 * Any other CA would sign leaves that half the cluster refuses, so it is refused at the CA's field.
 */
export function rotationCaProblem(input: WizardInput, check: ExistingCaCheck | undefined): FieldIssue | null {
  const l = lifecycleOf(input);
  if (input.ca.source !== "existing" || l.action !== "rotate" || !check?.ok) return null;
  const phase = nextPhase(l);
  if (phase === 1 || check.fingerprint.toUpperCase() === l.rotation.to.toUpperCase()) return null;
  return {
    field: "ca.existing.certPem",
    message: `Phase ${phase} of the rotation signs with the new CA (SHA-256 ${l.rotation.to.slice(0, 23)}…) from the phase-1 bundle's ca/ca.pem and ca/ca-key.pem; this is "${check.commonName}" (${check.fingerprint.slice(0, 23)}…).`,
  };
}
