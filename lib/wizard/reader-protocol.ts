import type { CertificateGroup, SourceProblem } from "../bundle/certificate-sources";
import type { FileLike } from "../files/load-files";
import type { ReadProgress, Texts } from "../files/read-files";
import type { ReadPurpose } from "./read-purposes";

/** Page → reading Worker: the picked files themselves (a File is posted without its bytes). */
export type ReaderRequest =
  | { type: "texts"; requestId: number; purpose: ReadPurpose; files: FileLike[] }
  | { type: "certificates"; requestId: number; files: FileLike[]; pasted: string; now: number };

/** What the Renew step shows of what was loaded. */
export interface CertificatesRead {
  /** Each distinct certificate once, soonest expiry first, with every place it was found. */
  groups: CertificateGroup[];
  problems: SourceProblem[];
  /** Private keys seen and left unread: named, never shown. */
  ignoredKeys: string[];
}

/** Reading Worker → page. */
export type ReaderReply =
  | { type: "progress"; requestId: number; progress: ReadProgress }
  | { type: "texts"; requestId: number; result: Texts }
  | { type: "certificates"; requestId: number; result: CertificatesRead }
  | { type: "failed"; requestId: number; message: string };
