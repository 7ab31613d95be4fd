import type { KeyAlgorithmId } from "../pki/algorithms";

/**
 * The CA's own lifecycle, as one bundle of it: renewed in place, or one phase of a rotation to a new
 * key. The plan's `ca` is always the CA whose key signs this bundle's leaves.
 *
 * A rotation runs in three phases so that a rolling restart never has two hosts that refuse each
 * other: (1) trust old + new, leaves still from the old CA; (2) leaves from the new CA, trust both;
 * (3) trust only the new CA.
 */
export type CaTransition =
  /** A new certificate for the same key and subject; `validityHours` is its new lifetime. */
  | { kind: "renew"; validityHours: number }
  /** Phase 1: the loaded (old) CA signs; a new CA is made, and every trust file holds new then old. */
  | { kind: "rotate"; phase: 1; next: { commonName: string; validityHours: number; algorithm: KeyAlgorithmId } }
  /** Phase 2: the loaded (new) CA signs; the old CA certificate is still trusted. */
  | { kind: "rotate"; phase: 2; previousCaPem: string }
  /** Phase 3: the loaded (new) CA signs and is the only one trusted; the old one is named for the record. */
  | { kind: "rotate"; phase: 3; previousFingerprint: string };

export type RotationPhase = 1 | 2 | 3;

/** What a plan file records about a rotation: from which CA to which, and the last phase downloaded. */
export interface RotationRecord {
  /** SHA-256 fingerprint of the old CA certificate. */
  from: string;
  /** SHA-256 fingerprint of the new CA certificate. */
  to: string;
  phase: RotationPhase;
}

export const PHASE_TITLES: Record<RotationPhase, string> = {
  1: "Phase 1 of 3: trust both CAs",
  2: "Phase 2 of 3: new certificates from the new CA",
  3: "Phase 3 of 3: drop the old CA",
};
