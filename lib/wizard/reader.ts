import { certificateSources, groupIdentical } from "../bundle/certificate-sources";
import { loadFiles } from "../files/load-files";
import type { ReadProgress } from "../files/read-files";
import { throttle } from "../files/throttle";
import { describeCertificates } from "../pki/describe-cert";
import { readForPurpose } from "./read-purposes";
import type { ReaderReply, ReaderRequest } from "./reader-protocol";

/**
 * What the reading Worker does with a request: everything between the picked files and what the
 * page shows runs here, off the page's thread, so a hostile zip or a huge file costs the Worker's
 * time, never the page's. No DOM: Node's tests call it directly.
 */

/** Progress is posted at most this often: each message is a task on the page. */
export const PROGRESS_INTERVAL_MS = 100;

export async function answerReadRequest(
  crypto: Crypto,
  request: ReaderRequest,
  post: (reply: ReaderReply) => void,
  clock: () => number = Date.now,
): Promise<void> {
  const { requestId } = request;
  const progress = throttle(
    (p: ReadProgress) => post({ type: "progress", requestId, progress: p }),
    PROGRESS_INTERVAL_MS,
    () => false,
    clock,
  );
  try {
    const loaded = await loadFiles(request.files, progress);
    if (request.type === "texts") {
      post({ type: "texts", requestId, result: readForPurpose(loaded, request.purpose, progress) });
      return;
    }
    const sources = certificateSources(loaded, request.pasted, progress);
    const described = await describeCertificates(crypto, new Date(request.now), sources.files, (done, total, name) =>
      progress({ done, total, label: `Reading the certificates in ${name}` }),
    );
    post({
      type: "certificates",
      requestId,
      result: {
        groups: groupIdentical(described.certificates),
        problems: [...sources.problems, ...described.skipped],
        ignoredKeys: sources.ignoredKeys,
      },
    });
  } catch (e) {
    post({
      type: "failed",
      requestId,
      message: `failed to read the files: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}
