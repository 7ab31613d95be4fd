import type { StepCheck } from "@/lib/plan/issues";
import type { WizardInput } from "@/lib/wizard/model";
import type { WizardState } from "@/lib/wizard/parse";

/**
 * Every step form takes the inputs, its step's issues and the one parse of the whole input, and
 * reports changes; none parses the wizard's input or resolves the plan itself. (The Renew step reads
 * certificates the user loads there, which are not input.)
 */
export interface StepFormProps {
  input: WizardInput;
  onChange: (change: (input: WizardInput) => WizardInput) => void;
  check: StepCheck;
  state: WizardState;
  now: Date;
}
