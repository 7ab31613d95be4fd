import type { ReadProgress } from "@/lib/files/read-files";

import { Button } from "../ui/button";

/** What is being read, how far it has come, and a Cancel that stops it at once. */
export function ReadProgressBar({ progress, onCancel }: { progress: ReadProgress; onCancel: () => void }) {
  const percent = Math.round((progress.done / Math.max(progress.total, 1)) * 100);
  return (
    <div className="flex flex-col gap-2 rounded-md border border-sky-200 bg-sky-50 p-3">
      <div className="flex items-center justify-between gap-3 text-sm text-sky-950">
        <span role="status" className="break-all">
          {progress.label}…
        </span>
        <Button variant="secondary" onClick={onCancel} className="shrink-0 px-3 py-1">
          Cancel
        </Button>
      </div>
      <div
        role="progressbar"
        aria-label="Reading the loaded files"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-1.5 overflow-hidden rounded-full bg-sky-100"
      >
        <div className="h-full rounded-full bg-sky-700" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
