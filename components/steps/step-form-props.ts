import type { StepCheck } from "@/lib/plan/issues";
import type { WizardInput } from "@/lib/wizard/model";

/** Every step form takes the inputs and its step's issues, and reports changes; none does crypto. */
export interface StepFormProps {
  input: WizardInput;
  onChange: (change: (input: WizardInput) => WizardInput) => void;
  check: StepCheck;
  now: Date;
}
