import type { ResolvedPlan } from "../plan/resolved-plan";
import type { Bundle } from "./bundle";
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

/** Generation Worker → main thread. The zip's buffer is transferred, not copied. */
export type GenerateReply =
  | { type: "progress"; requestId: number; progress: Progress }
  | { type: "done"; requestId: number; bundle: Bundle }
  | { type: "failed"; requestId: number; message: string };
