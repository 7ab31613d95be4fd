import type { KeyAlgorithmId } from "../pki/algorithms";
import type { CaNameConstraints } from "../pki/name-constraints";
import type { ProfileId } from "../pki/profiles";
import type { CorporateInput, ExistingCaInput } from "./model";
import { textHash } from "./text-hash";

/** The page's verification of one loaded CA certificate and key. */
export interface ExistingCaCheck {
  ok: boolean;
  /** The problem, at the field that caused it. */
  field: "certPem" | "keyPem";
  message: string;
  commonName: string;
  algorithm: KeyAlgorithmId | null;
  notAfter: string;
  fingerprint: string;
  notices: string[];
  /** The CA's nameConstraints, when it has them: every name it signs is checked against them. */
  nameConstraints?: CaNameConstraints;
}

/** Corporate step 2: per certificate stem (FQDN, "dashboard", agent CN), the assembled chain or the problem. */
export interface CorporateCheck {
  leaves: Record<string, { ok: true; chainPem: string } | { ok: false; message: string }>;
}

/**
 * Results of the asynchronous CA checks, keyed by a hash of the exact texts they were computed for.
 * They are state beside the input, never inside it: nothing to strip on save, and a result for texts
 * that have since changed is simply never looked up.
 */
export interface CaChecks {
  readonly existing: ReadonlyMap<string, ExistingCaCheck>;
  readonly corporate: ReadonlyMap<string, CorporateCheck>;
}

export const NO_CA_CHECKS: CaChecks = { existing: new Map(), corporate: new Map() };

export const existingCaKey = (e: ExistingCaInput): string => textHash(e.certPem, e.keyPem);

/** A certificate the plan needs, by its cfssljson file stem, with the CN the CSR must carry. */
export interface CorporateStem {
  stem: string;
  profile: ProfileId;
  commonName: string;
}

export function corporateKey(c: CorporateInput, stems: readonly CorporateStem[]): string {
  return textHash(
    c.caPem,
    c.agentCaPem,
    ...c.files.flatMap((f) => [f.name, f.text]),
    ...stems.map((s) => `${s.stem}:${s.profile}:${s.commonName}`),
  );
}

export function withExistingCheck(checks: CaChecks, key: string, check: ExistingCaCheck): CaChecks {
  return { ...checks, existing: new Map(checks.existing).set(key, check) };
}

export function withCorporateCheck(checks: CaChecks, key: string, check: CorporateCheck): CaChecks {
  return { ...checks, corporate: new Map(checks.corporate).set(key, check) };
}
