import type { FieldIssue } from "../plan/issues";
import { checkAll } from "./check";
import { defaultInput, type WizardInput } from "./model";

export const NOW = new Date("2026-01-15T12:00:00Z");

/** The guide's defaults with one change applied. */
export function inputWith(change: (input: WizardInput) => void): WizardInput {
  const input = defaultInput();
  change(input);
  return input;
}

export function allErrors(input: WizardInput): FieldIssue[] {
  return Object.values(checkAll(input, NOW)).flatMap((c) => c.errors);
}

export function errorsAt(input: WizardInput, field: string): string[] {
  return allErrors(input)
    .filter((e) => e.field === field)
    .map((e) => e.message);
}
