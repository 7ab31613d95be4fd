// The generation Worker: keys, certificates and the zip are made here so the page never freezes
// (ECDSA in Chromium never yields; see STACK.md).
import { summarizeBundle } from "@/lib/bundle/bundle-summary";
import { generateBundle } from "@/lib/bundle/generate";
import { isFinalStep, type Progress } from "@/lib/bundle/issue-all";
import type { GenerateReply, GenerateRequest } from "@/lib/bundle/worker-protocol";
import { throttle } from "@/lib/files/throttle";

interface WorkerScope {
  onmessage: ((event: MessageEvent<GenerateRequest>) => void) | null;
  postMessage(message: GenerateReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
  const { requestId, plan, now } = event.data;
  try {
    // Twenty reports a second move the bar smoothly; one per agent would re-render the page a thousand times.
    const report = throttle<Progress>(
      (progress) => scope.postMessage({ type: "progress", requestId, progress }),
      50,
      isFinalStep,
    );
    const bundle = await generateBundle(crypto, new Date(now), plan, report);
    const summary = summarizeBundle(bundle);
    scope.postMessage({ type: "done", requestId, summary }, [summary.zip.buffer as ArrayBuffer]);
  } catch (error) {
    scope.postMessage({ type: "failed", requestId, message: error instanceof Error ? error.message : String(error) });
  }
};
