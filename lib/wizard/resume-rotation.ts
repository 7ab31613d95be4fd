import type { CaFingerprints } from "../plan/plan-file";
import { defaultCaLifecycle, type WizardInput } from "./model";

/**
 * A plan file from a rotation's bundle picks the rotation up where it stopped: the next phase is
 * offered, and after phase 1 the certificate loaded then (the old CA) becomes the one still trusted,
 * leaving the CA fields for the new CA from phase 1's ca/ folder.
 */
export function resumeRotation(input: WizardInput, fingerprints: CaFingerprints): WizardInput {
  const r = fingerprints.rotation;
  const lifecycle = input.renew.ca ?? defaultCaLifecycle();
  if (!r && !input.renew.ca) return input;
  if (!r)
    return {
      ...input,
      renew: { ...input.renew, ca: { ...lifecycle, action: "keep", rotation: { ...lifecycle.rotation, phase: 0 } } },
    };
  const finished = r.phase === 3;
  const afterPhase1 = r.phase === 1;
  return {
    ...input,
    ca: afterPhase1 ? { ...input.ca, existing: { certPem: "", keyPem: "" } } : input.ca,
    renew: {
      ...input.renew,
      ca: {
        ...lifecycle,
        action: finished ? "keep" : "rotate",
        previousCaPem: afterPhase1 ? input.ca.existing.certPem : lifecycle.previousCaPem,
        rotation: { from: r.from, to: r.to, phase: r.phase },
      },
    },
  };
}
