import { loadBudget, MAX_FILE_BYTES } from "./caps";
import type { LoadedFile, ReadProgressListener } from "./read-files";

/** What the browser's File (and a Worker's copy of one) offers; tests pass plain objects. */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The files' bytes, read one after another under the same caps readFiles applies, so a file it
 * would refuse for its size is never read into memory: such a file keeps only its size.
 */
export async function loadFiles(files: readonly FileLike[], progress?: ReadProgressListener): Promise<LoadedFile[]> {
  const budget = loadBudget();
  const loaded: LoadedFile[] = [];
  for (const [i, file] of files.entries()) {
    progress?.({ done: i, total: files.length, label: `Reading ${file.name}` });
    if (file.size > MAX_FILE_BYTES || !budget.take(file.size)) {
      loaded.push({ name: file.name, bytes: new Uint8Array(), size: file.size });
      continue;
    }
    try {
      loaded.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (e) {
      loaded.push({
        name: file.name,
        bytes: new Uint8Array(),
        size: file.size,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return loaded;
}
