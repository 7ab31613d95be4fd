import { dump } from "js-yaml";

import type { RotationRecord } from "./ca-transition";
import { PLAN_FILE_KIND, PLAN_FILE_VERSION } from "./plan-file-version";
import type { SavedInput } from "./resolved-plan";

export { PLAN_FILE_KIND, PLAN_FILE_VERSION };

/**
 * A plan file: every non-secret input plus the CA's fingerprint, so a later visit (renewal, more
 * agents) starts from the same names and can tell whether the CA it is given is the same one. The
 * bundle writes it; the wizard, which owns the input's shape, reads it back.
 */

export interface CaFingerprints {
  /** SHA-256 of the CA certificate's DER, "AB:CD:…" as `openssl x509 -fingerprint -sha256` prints it. */
  ca: string;
  /** The agent CA's, in the separate-CA layout. */
  agentCa?: string;
  /** A rotation of the CA under way or finished: `ca` is then the new CA's (ca-transition.ts). */
  rotation?: RotationRecord;
  /** The agent CA's rotation (separate layout): `agentCa` is then the new agent CA's. */
  agentRotation?: RotationRecord;
}

export interface PlanFileOf<Input extends SavedInput> {
  kind: typeof PLAN_FILE_KIND;
  version: typeof PLAN_FILE_VERSION;
  caFingerprints: CaFingerprints;
  input: Input;
}

export function planFileOf<Input extends SavedInput>(input: Input, caFingerprints: CaFingerprints): PlanFileOf<Input> {
  return { kind: PLAN_FILE_KIND, version: PLAN_FILE_VERSION, caFingerprints, input };
}

export function planFileJson(plan: PlanFileOf<SavedInput>): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** js-yaml quotes strings that would read back as numbers ("3"), so the file round-trips. */
export function planFileYaml(plan: PlanFileOf<SavedInput>): string {
  return dump(plan, { lineWidth: -1 });
}
