import type { Progress } from "@/lib/bundle/issue-all";

import { Button } from "../ui/button";
import { count } from "../ui/count";

function timeLeft(seconds: number): string {
  if (!Number.isFinite(seconds)) return "";
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** Count, rate and time left from the start; Cancel stops the Worker and keeps nothing it made. */
export function GenerateProgress({
  progress,
  startedAt,
  onCancel,
}: {
  progress: Progress;
  startedAt: number;
  onCancel: () => void;
}) {
  const percent = Math.round((progress.done / Math.max(progress.total, 1)) * 100);
  const seconds = (performance.now() - startedAt) / 1000;
  const rate = seconds > 0 ? progress.done / seconds : 0;
  const left = rate > 0 ? (progress.total - progress.done) / rate : Infinity;
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-sky-200 bg-sky-50 p-4">
      <div className="flex justify-between gap-3 text-sm text-sky-950">
        <span role="status">{progress.label}…</span>
        <span aria-hidden="true">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label="Generating the bundle"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded-full bg-sky-100"
      >
        <div className="h-full rounded-full bg-sky-700 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 text-xs text-sky-950">
        <span data-testid="generate-rate">
          {count(progress.done)} of {count(progress.total)} certificates
          {rate > 0 && progress.done < progress.total ? `, ${rate.toFixed(1)}/s, ${timeLeft(left)}` : ""}
        </span>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
