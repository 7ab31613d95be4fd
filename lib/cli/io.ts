import type { LoadedFile } from "../files/read-files";

/**
 * What the command line needs from the machine. lib/ stays free of node:fs: the script in
 * scripts/ implements this with the file system, and tests can pass their own.
 */
export interface CliIo {
  /** Each file's bytes under lib/files' caps (a file over them keeps only its size), named by the path given. */
  loadFiles(paths: readonly string[]): Promise<LoadedFile[]>;
  /** Every regular file below `dir` that `wanted` accepts, named by its path relative to `dir`; null if `dir` is no directory. */
  loadTree(dir: string, wanted: (path: string) => boolean): Promise<LoadedFile[] | null>;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** Writes a file only its owner can read (0600); an existing file is replaced only when `replace` is set. */
  writePrivate(path: string, bytes: Uint8Array, replace: boolean): { ok: true } | { ok: false; message: string };
  stdout(text: string): void;
  stderr(text: string): void;
  stderrIsTty: boolean;
  now(): Date;
  crypto: Crypto;
}
