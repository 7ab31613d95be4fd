import type { ResolvedPlan } from "../plan/resolved-plan";
import { defaultInput, type WizardInput } from "../wizard/model";
import { resolvePlan } from "../wizard/resolve-plan";
import { NOW } from "../wizard/test-helpers";
import { setBackendCount } from "../wizard/update";

/** The guide's plan with P-256 keys (fast), optionally adjusted, resolved at the fixed test clock. */
export function guidePlan(change: (input: WizardInput) => WizardInput = (i) => i): ResolvedPlan {
  const input = defaultInput();
  input.plan.keyAlgorithm = "ecdsa-p256";
  const r = resolvePlan(change(input), NOW);
  if (!r.ok) throw new Error(`test plan is invalid: ${r.steps.join(", ")}`);
  return r.plan;
}

/** Backends on 127.0.0.1–3 (or `prefix`.1–3): the loopback addresses an etcd integration test listens on. */
export function loopbackPlan(
  layout: "single" | "separate",
  algorithm: WizardInput["plan"]["keyAlgorithm"] = "ecdsa-p256",
  prefix = "127.0.0",
): ResolvedPlan {
  return guidePlan((input) => {
    input.plan.caLayout = layout;
    input.plan.keyAlgorithm = algorithm;
    const next = setBackendCount(input, "3");
    next.backends.rows.forEach((row, i) => (row.ips = `${prefix}.${i + 1}`));
    return next;
  });
}
