"use client";
import { type ComponentType, useEffect } from "react";

import { stepById, type StepId, stepIndex, STEPS } from "@/lib/wizard/steps";

import type { StepFormProps } from "../steps/step-form-props";
import { Pager } from "./pager";
import { useWizard } from "./wizard-provider";

/** One wizard step (its route gives the form, so each page loads only its own): heading, guide reference, the step's form, an announced error count, Back/Next. */
export function StepPage({ id, Form }: { id: StepId; Form: ComponentType<StepFormProps> }) {
  const step = stepById(id);
  const { input, update, state, now, markVisited } = useWizard();
  const check = state.steps[id];
  useEffect(() => markVisited(id), [id, markVisited]);
  const errorCount = check.errors.length;
  return (
    <article className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-xs font-semibold tracking-wide text-sky-800 uppercase">
          Step {stepIndex(id) + 1} of {STEPS.length}
        </p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-950">{step.title}</h1>
        <p className="max-w-2xl text-slate-700">{step.summary}</p>
        <p className="text-xs text-slate-500">
          Guide: {step.guide.guide} — “{step.guide.section}”
        </p>
      </header>
      <p
        aria-live="polite"
        className={errorCount ? "rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800" : "sr-only"}
      >
        {errorCount === 0
          ? "No problems on this step."
          : `${errorCount} ${errorCount === 1 ? "problem" : "problems"} on this step: see the marked fields.`}
      </p>
      <Form input={input} onChange={update} check={check} state={state} now={now} />
      <Pager id={id} blocked={errorCount > 0} />
    </article>
  );
}
