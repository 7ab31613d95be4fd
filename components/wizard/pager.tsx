"use client";
import Link from "next/link";

import { neighbours, stepHref, type StepId } from "@/lib/wizard/steps";

/** Back and Next. Next is a disabled button, not a link, while the step has errors. */
export function Pager({ id, blocked }: { id: StepId; blocked: boolean }) {
  const { previous, next } = neighbours(id);
  const link = "inline-flex items-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm";
  return (
    <div className="mt-10 flex items-center justify-between gap-4 border-t border-slate-200 pt-6">
      {previous ? (
        <Link
          href={stepHref(previous)}
          className={`${link} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}
        >
          ← Back<span className="sr-only">: {previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next &&
        (blocked ? (
          <div className="flex items-center gap-3">
            <span className="text-sm text-red-800">Fix the marked fields to continue.</span>
            <button type="button" disabled className={`${link} cursor-not-allowed bg-slate-300 text-slate-600`}>
              Next: {next.title} →
            </button>
          </div>
        ) : (
          <Link href={stepHref(next)} className={`${link} bg-sky-700 text-white hover:bg-sky-800`}>
            Next: {next.title} →
          </Link>
        ))}
    </div>
  );
}
