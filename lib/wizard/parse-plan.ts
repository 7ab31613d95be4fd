import { absolutePathProblem } from "../sensu/paths";
import { MAX_BACKENDS, MIN_BACKENDS, type WizardInput } from "./model";
import { parseWholeNumber } from "./numbers";
import type { StepParse } from "./step-parse";

/** The Plan step. Its choices are read directly from the input; only the count and directory can be wrong. */
export function parsePlan(input: WizardInput): StepParse<null> {
  const count = parseWholeNumber(input.plan.backendCount, "number of backends", MIN_BACKENDS, MAX_BACKENDS);
  const errors = count.ok ? [] : [{ field: "plan.backendCount", message: count.message }];
  const dir = absolutePathProblem(input.plan.tlsDir);
  if (dir) errors.push({ field: "plan.tlsDir", message: dir });
  const warnings =
    count.ok && count.value % 2 === 0
      ? [
          {
            field: "plan.backendCount",
            message: `etcd needs a majority to work: ${count.value} members tolerate no more failures than ${count.value - 1}. An odd count is usual.`,
          },
        ]
      : [];
  return { value: null, errors, warnings };
}
