/**
 * At most one report per `intervalMs`, except those `always` lets through. Progress from a Worker
 * is a task on the page per message: the generation Worker reports a step per agent, the reading
 * Worker one per file, and forwarding each re-rendered the page thousands of times.
 */
export function throttle<T>(
  listener: (report: T) => void,
  intervalMs: number,
  always: (report: T) => boolean = () => false,
  clock: () => number = () => performance.now(),
): (report: T) => void {
  let last = -Infinity;
  return (report: T) => {
    const now = clock();
    if (now - last < intervalMs && !always(report)) return;
    last = now;
    listener(report);
  };
}
