import type { RotationPhase } from "../plan/ca-transition";
import type { FieldIssue } from "../plan/issues";
import type { ExistingCaCheck } from "./ca-checks";
import { type CaLifecycleInput, defaultCaLifecycle, type WizardInput } from "./model";

/** Which CA the Renew step's CA part is about: the CA, or the separate layout's agent CA. */
export type LifecycleCa = "ca" | "agentCa";

export const lifecycleOf = (input: WizardInput, which: LifecycleCa = "ca"): CaLifecycleInput =>
  input.renew[which] ?? defaultCaLifecycle();

/** The CA step's fields the CA is loaded into. */
export const loadedFrom = (which: LifecycleCa) => (which === "ca" ? "existing" : "agentExisting");

/** The phase a download makes: the one after the plan file's, or phase 1 when none (or a finished one) was recorded. */
export function nextPhase(l: CaLifecycleInput): RotationPhase {
  return l.rotation.phase === 1 ? 2 : l.rotation.phase === 2 ? 3 : 1;
}

/**
 * In phases 2 and 3 the loaded CA must be the rotation's new CA: phase 1's ca/ files. Any other CA
 * would sign certificates that half the hosts refuse, so it is refused at the CA's field.
 */
export function rotationCaProblem(
  input: WizardInput,
  check: ExistingCaCheck | undefined,
  which: LifecycleCa = "ca",
): FieldIssue | null {
  const l = lifecycleOf(input, which);
  if (input.ca.source !== "existing" || l.action !== "rotate" || !check?.ok) return null;
  const phase = nextPhase(l);
  if (phase === 1 || check.fingerprint.toUpperCase() === l.rotation.to.toUpperCase()) return null;
  const [label, stem] = which === "ca" ? ["CA", "ca"] : ["agent CA", "agent-ca"];
  return {
    field: `ca.${loadedFrom(which)}.certPem`,
    message: `Phase ${phase} of the ${label} rotation signs with the new ${label} (SHA-256 ${l.rotation.to.slice(0, 23)}…) from the phase-1 bundle's ca/${stem}.pem and ca/${stem}-key.pem; this is "${check.commonName}" (${check.fingerprint.slice(0, 23)}…).`,
  };
}
