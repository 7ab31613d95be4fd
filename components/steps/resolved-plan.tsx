import Link from "next/link";
import type { ReactNode } from "react";

import type { ResolvedPlan } from "@/lib/plan/resolved-plan";
import type { ResolveResult } from "@/lib/wizard/assemble-plan";
import { stepById, stepHref, type StepId } from "@/lib/wizard/steps";

import { Notice } from "../ui/notice";

/**
 * Config previews need a valid plan. Until every step is valid, say which steps block them
 * instead of showing YAML built from half-typed input.
 */
export function WithResolvedPlan({
  resolved,
  children,
}: {
  resolved: ResolveResult;
  children: (plan: ResolvedPlan) => ReactNode;
}) {
  if (resolved.ok) return <>{children(resolved.plan)}</>;
  return (
    <StepsNeedingAttention
      steps={resolved.steps}
      tone="warning"
      title="The settings appear once these steps have no errors"
    />
  );
}

/** The steps that still have errors, each a link to it. */
export function StepsNeedingAttention({
  steps,
  tone,
  title,
}: {
  steps: readonly StepId[];
  tone: "warning" | "danger";
  title: string;
}) {
  return (
    <Notice tone={tone} title={title}>
      <ul className="list-disc pl-5">
        {steps.map((id) => (
          <li key={id}>
            <Link className="font-medium underline" href={stepHref(stepById(id))}>
              {stepById(id).title}
            </Link>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
