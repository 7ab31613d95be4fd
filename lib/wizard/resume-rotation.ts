import type { RotationRecord } from "../plan/ca-transition";
import type { CaFingerprints } from "../plan/plan-file";
import { defaultCaLifecycle, type WizardInput } from "./model";
import { type LifecycleCa, loadedFrom } from "./rotation-ca-check";

/** One CA's part: the next phase of its recorded rotation, or back to "keep" once there is none (or it finished). */
function resumeOne(input: WizardInput, which: LifecycleCa, r: RotationRecord | undefined): WizardInput {
  const saved = input.renew[which];
  if (!r && !saved) return input;
  const lifecycle = saved ?? defaultCaLifecycle();
  if (!r) {
    const ca = { ...lifecycle, action: "keep" as const, rotation: { ...lifecycle.rotation, phase: 0 } };
    return { ...input, renew: { ...input.renew, [which]: ca } };
  }
  const field = loadedFrom(which);
  const afterPhase1 = r.phase === 1;
  return {
    ...input,
    ca: afterPhase1 ? { ...input.ca, [field]: { certPem: "", keyPem: "" } } : input.ca,
    renew: {
      ...input.renew,
      [which]: {
        ...lifecycle,
        action: r.phase === 3 ? "keep" : "rotate",
        previousCaPem: afterPhase1 ? input.ca[field].certPem : lifecycle.previousCaPem,
        rotation: { from: r.from, to: r.to, phase: r.phase },
      },
    },
  };
}

/**
 * A plan file from a rotation's bundle picks the rotation up where it stopped, for the CA and the
 * agent CA each: the next phase is offered, and after phase 1 the certificate loaded then (the old
 * CA) becomes the one still trusted, leaving the CA fields for the new CA from phase 1's ca/ folder.
 */
export function resumeRotation(input: WizardInput, fingerprints: CaFingerprints): WizardInput {
  return resumeOne(resumeOne(input, "ca", fingerprints.rotation), "agentCa", fingerprints.agentRotation);
}
