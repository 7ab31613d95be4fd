"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

import { stepHref, STEPS } from "@/lib/wizard/steps";

import { useWizard } from "./wizard-provider";

type Status = "current" | "error" | "done" | "todo";

const BADGE: Record<Status, { mark: string; className: string; text: string }> = {
  current: { mark: "●", className: "bg-sky-700 text-white", text: "current step" },
  error: { mark: "!", className: "bg-red-700 text-white", text: "has errors" },
  done: { mark: "✓", className: "bg-emerald-700 text-white", text: "done" },
  todo: { mark: "", className: "border border-slate-400 bg-white", text: "not visited" },
};

/** The sidebar: every step of the journey, where the user is, what is done and what has errors. */
export function StepNav() {
  const pathname = usePathname();
  const { state, visited } = useWizard();
  // On a phone the list would push the step below the fold: it folds away behind a toggle there.
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [pathname]);
  const currentIndex = STEPS.findIndex((s) => pathname.replace(/\/$/, "") === stepHref(s));
  return (
    <nav aria-label="Wizard steps" className="lg:w-72 lg:shrink-0">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="step-list"
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm lg:hidden"
      >
        <span>
          {currentIndex >= 0
            ? `Step ${currentIndex + 1} of ${STEPS.length}: ${STEPS[currentIndex]?.title}`
            : "All steps"}
        </span>
        <span aria-hidden="true">{open ? "▲" : "▼"}</span>
      </button>
      <ol id="step-list" className={`${open ? "mt-2 flex" : "hidden"} flex-col gap-0.5 lg:mt-0 lg:flex`}>
        {STEPS.map((step, i) => {
          const current = i === currentIndex;
          const hasErrors = state.steps[step.id].errors.length > 0;
          const status: Status = hasErrors
            ? "error"
            : current
              ? "current"
              : visited.includes(step.id)
                ? "done"
                : "todo";
          const badge = BADGE[current && hasErrors ? "error" : status];
          return (
            <li key={step.id}>
              <Link
                href={stepHref(step)}
                aria-current={current ? "step" : undefined}
                className={`flex items-center gap-3 rounded-md px-2 py-1.5 text-sm ${current ? "bg-sky-100 font-semibold text-sky-950" : "text-slate-700 hover:bg-slate-200"}`}
              >
                <span
                  aria-hidden="true"
                  className={`flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-[11px] font-bold ${badge.className}`}
                >
                  {badge.mark}
                </span>
                <span className="flex-1">
                  <span className="sr-only">Step {i + 1}: </span>
                  {step.title}
                  <span className="sr-only"> ({current && hasErrors ? "current step, has errors" : badge.text})</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
