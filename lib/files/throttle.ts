import type { Progress, ProgressListener } from "./issue-all";

/**
 * At most one progress report per `intervalMs`, but never the last two: "Packaging the bundle" (the
 * step after the last key) and "Done". A fleet reports a step per agent, and each report re-rendered
 * the page: a thousand renders in a few seconds competed with the Worker for the second core.
 */
export function throttleProgress(
  listener: ProgressListener,
  intervalMs: number,
  clock: () => number = () => performance.now(),
): ProgressListener {
  let last = -Infinity;
  return (progress: Progress) => {
    const now = clock();
    if (now - last < intervalMs && progress.done < progress.total - 1) return;
    last = now;
    listener(progress);
  };
}
