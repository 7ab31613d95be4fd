import type { ResolvedPlan } from "../plan/resolved-plan";
import type { BundleSummary } from "./bundle-summary";
import type { Progress } from "./issue-all";

/** Main thread → generation Worker. */
export interface GenerateRequest {
  type: "generate";
  /** Matches replies to the request that asked; a newer request makes older replies stale. */
  requestId: number;
  plan: ResolvedPlan;
  /** Issue time in ms since the epoch, fixed by the page so its validation and the Worker agree. */
  now: number;
}

/**
 * Generation Worker → main thread. Only the summary crosses: no file's content, and the zip's
 * buffer is transferred, not copied, so a fleet's bundle is never held twice.
 */
export type GenerateReply =
  | { type: "progress"; requestId: number; progress: Progress }
  | { type: "done"; requestId: number; summary: BundleSummary }
  | { type: "failed"; requestId: number; message: string };
