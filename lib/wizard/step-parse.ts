import type { CaNameConstraints } from "../pki/name-constraints";
import type { FieldIssue } from "../plan/issues";
import type { CaChecks } from "./ca-checks";

/** What every step parser is given besides the input: one clock and the page's CA verifications. */
export interface ParseContext {
  /** The one clock of a parse: validity, expiry caps and issuing all use it. */
  now: Date;
  caChecks: CaChecks;
  /**
   * Reads the organization's CA certificates (lib/wizard/ca-pem-reader.ts), given by callers that
   * have loaded it: without it, a corporate CA step counts as still reading, never as valid.
   */
  readCaPem?: CaPemReader;
}

/** The x509 reads the corporate mode's parse needs, injected so the parse itself stays free of x509. */
export interface CaPemReader {
  /** The subject's CN; throws on a certificate that does not parse. */
  commonName(block: string): string | undefined;
  /** Every certificate in the text that carries name constraints. */
  constraints(pem: string): CaNameConstraints[];
}

/**
 * One step's input, parsed once: its typed value (fields that did not parse are null or left out),
 * the problems that block the plan, and the warnings shown beside their fields.
 */
export interface StepParse<T> {
  value: T;
  errors: FieldIssue[];
  warnings: FieldIssue[];
}
