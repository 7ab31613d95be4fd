import type { FieldIssue } from "../plan/issues";
import type { CaChecks } from "./ca-checks";

/** What every step parser is given besides the input: one clock and the page's CA verifications. */
export interface ParseContext {
  /** The one clock of a parse: validity, expiry caps and issuing all use it. */
  now: Date;
  caChecks: CaChecks;
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
