import type { StepCheck } from "@/lib/plan/issues";
import type { WizardInput } from "@/lib/wizard/model";
import type { WizardState } from "@/lib/wizard/parse";

/**
 * Every step form takes the inputs, its step's issues and the one parse of the whole input, and
 * reports changes; none parses, resolves or does crypto itself.
 */
export interface StepFormProps {
  input: WizardInput;
  onChange: (change: (input: WizardInput) => WizardInput) => void;
  check: StepCheck;
  state: WizardState;
  now: Date;
}
