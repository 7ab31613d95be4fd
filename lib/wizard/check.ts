import { EMPTY_CHECK, type StepCheck } from "../plan/issues";
import { checkAgents } from "./check-agents";
import { checkApi } from "./check-api";
import { checkAssets } from "./check-assets";
import { checkBackends } from "./check-backends";
import { checkCa } from "./check-ca";
import { checkEtcd } from "./check-etcd";
import { checkPlan } from "./check-plan";
import { checkRenew } from "./check-renew";
import { checkRevocation } from "./check-revocation";
import { checkTransport } from "./check-transport";
import type { WizardInput } from "./model";
import { type StepId, STEPS } from "./steps";

/** One schema per step, shared by the forms (messages at fields) and the bundle builder. */
export function checkStep(id: StepId, input: WizardInput, now: Date): StepCheck {
  switch (id) {
    case "plan":
      return checkPlan(input);
    case "ca":
      return checkCa(input);
    case "backends":
      return checkBackends(input, now);
    case "agents":
      return checkAgents(input, now);
    case "etcd":
      return checkEtcd(input);
    case "api":
      return checkApi(input);
    case "agent-transport":
      return checkTransport(input);
    case "assets":
      return checkAssets(input);
    case "revocation":
      return checkRevocation(input);
    case "renew":
      return checkRenew(input);
    default:
      return EMPTY_CHECK;
  }
}

export function checkAll(input: WizardInput, now: Date): Record<StepId, StepCheck> {
  return Object.fromEntries(STEPS.map((s) => [s.id, checkStep(s.id, input, now)])) as Record<StepId, StepCheck>;
}

/** Steps with errors, in journey order: Generate names them so the user knows where to go. */
export function stepsWithErrors(input: WizardInput, now: Date): StepId[] {
  const all = checkAll(input, now);
  return STEPS.filter((s) => all[s.id].errors.length > 0).map((s) => s.id);
}
