// The reading Worker: every file a user loads (and the Renew step's pasted text) is read, unpacked
// and parsed here, so a hostile zip or a huge file keeps this thread busy, never the page's.
import { answerReadRequest } from "@/lib/wizard/reader";
import type { ReaderReply, ReaderRequest } from "@/lib/wizard/reader-protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ReaderRequest>) => void) | null;
  postMessage(message: ReaderReply): void;
}
const scope = self as unknown as WorkerScope;

// One request at a time, in the order they came: the page ignores replies to requests it replaced.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(() => answerReadRequest(crypto, request, (reply) => scope.postMessage(reply)));
};
