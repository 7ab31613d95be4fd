import type { Progress } from "@/lib/bundle/issue-all";

export function GenerateProgress({ progress }: { progress: Progress }) {
  const percent = Math.round((progress.done / Math.max(progress.total, 1)) * 100);
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-sky-200 bg-sky-50 p-4">
      <div className="flex justify-between text-sm text-sky-950">
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
    </div>
  );
}
