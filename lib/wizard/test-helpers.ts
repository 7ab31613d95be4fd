import type { FieldIssue, StepCheck } from "../plan/issues";
import { ASSETS_READER } from "./assets-reader";
import { type CaChecks, NO_CA_CHECKS } from "./ca-checks";
import { CA_PEM_READER } from "./ca-pem-reader";
import { defaultInput, type WizardInput } from "./model";
import { parseWizard } from "./parse";
import { type StepId, STEPS } from "./steps";

export const NOW = new Date("2026-01-15T12:00:00Z");

/** The guide's defaults with one change applied. */
export function inputWith(change: (input: WizardInput) => void): WizardInput {
  const input = defaultInput();
  change(input);
  return input;
}

/** Every step's problems, from the one parse the page makes. */
export function checkAll(input: WizardInput, now = NOW, caChecks: CaChecks = NO_CA_CHECKS): Record<StepId, StepCheck> {
  const { steps } = parseWizard(input, { now, caChecks, readCaPem: CA_PEM_READER, parseAssets: ASSETS_READER });
  return Object.fromEntries(
    STEPS.map((s) => [s.id, { errors: steps[s.id].errors, warnings: steps[s.id].warnings }]),
  ) as Record<StepId, StepCheck>;
}

export function checkStep(id: StepId, input: WizardInput, now = NOW, caChecks: CaChecks = NO_CA_CHECKS): StepCheck {
  return checkAll(input, now, caChecks)[id];
}

export function allErrors(input: WizardInput): FieldIssue[] {
  return Object.values(checkAll(input, NOW)).flatMap((c) => c.errors);
}

export function errorsAt(input: WizardInput, field: string): string[] {
  return allErrors(input)
    .filter((e) => e.field === field)
    .map((e) => e.message);
}
