import { commonNameProblem } from "../pki/names";
import type { FieldIssue, StepCheck } from "./issues";
import { MAX_CA_YEARS, type WizardInput } from "./model";
import { parseWholeNumber } from "./numbers";

export function checkCa(input: WizardInput): StepCheck {
  const errors: FieldIssue[] = [];
  const cn = commonNameProblem(input.ca.commonName);
  if (cn) errors.push({ field: "ca.commonName", message: cn });
  if (input.plan.caLayout === "separate") {
    const agentCn = commonNameProblem(input.ca.agentCaCommonName);
    if (agentCn) errors.push({ field: "ca.agentCaCommonName", message: agentCn });
    else if (input.ca.agentCaCommonName === input.ca.commonName) {
      // Two roots with one subject confuse chain building: a verifier may try the wrong one.
      errors.push({ field: "ca.agentCaCommonName", message: "The agent CA needs a name different from the main CA." });
    }
  }
  const years = parseWholeNumber(input.ca.validityYears, "CA validity in years", 1, MAX_CA_YEARS);
  if (!years.ok) errors.push({ field: "ca.validityYears", message: years.message });
  return { errors, warnings: [] };
}
