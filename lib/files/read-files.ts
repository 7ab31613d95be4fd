import { loadBudget, MAX_FILE_BYTES, MAX_LOAD_BYTES, MAX_ZIP_ENTRIES, megabytes } from "./caps";
import { decodeText } from "./text";
import { isZip, readZipDirectory, unpackEntry, type ZipEntry } from "./zip-reader";

/**
 * The one way the wizard reads what a user loads: files as text, zips unpacked, within the caps
 * (./caps), every failure a message rather than an exception. No DOM: a Worker can run it.
 */

/** A file as loaded: its bytes, or only its size when a cap kept it from being read. */
export interface LoadedFile {
  name: string;
  bytes: Uint8Array;
  /** The file's size, when it was too big to read into `bytes`. */
  size?: number;
  /** Why the browser could not read it, e.g. the file was moved after it was picked. */
  error?: string;
}

/** How far a read has come, for a progress bar: `done` of `total` units, and what is being read. */
export interface ReadProgress {
  done: number;
  total: number;
  label: string;
}
export type ReadProgressListener = (progress: ReadProgress) => void;

export interface ReadOptions {
  /** What to load instead, ending every message: "Load <instead>." */
  instead: string;
  /** Open zips (known by their first bytes or a .zip name). Off, a zip is refused as not text. */
  unzip?: boolean;
  /** The zip entries wanted, by path; no other entry is unpacked. Default: every file. */
  entries?: (path: string) => boolean;
  /** Files and wanted entries left unread by name, such as private keys where only certificates are read. */
  skip?: (name: string) => boolean;
}

export type FileProblemCause = "too-big" | "load-too-big" | "too-many-files" | "not-a-zip" | "not-text" | "unreadable";

export interface FileProblem {
  /** The file, or the zip entry, the problem is about. */
  name: string;
  cause: FileProblemCause;
  reason: string;
}

export interface TextFile {
  /** A file's name, or an entry's path inside its zip. */
  name: string;
  text: string;
}

export type FileRead =
  | { kind: "text"; name: string; text: string }
  | { kind: "zip"; name: string; files: TextFile[]; notText: FileProblem[]; skipped: string[] }
  | { kind: "skipped"; name: string }
  | { kind: "problem"; name: string; problem: FileProblem };

type Budget = ReturnType<typeof loadBudget>;

const problem = (name: string, cause: FileProblemCause, reason: string): FileRead => ({
  kind: "problem",
  name,
  problem: { name, cause, reason },
});

const loadTooBig = (name: string) =>
  `${name} was not read: the files loaded together pass ${megabytes(MAX_LOAD_BYTES)} (zips counted unpacked), the most the wizard holds at once. Load fewer files at a time.`;

const notText = (name: string, instead: string) =>
  `${name} is not text (it is binary, or not UTF-8): not read. Load ${instead}.`;

/** The wanted entries, each path once (the later copy, as unzip leaves it), without directories. */
function wantedEntries(entries: readonly ZipEntry[], options: ReadOptions): ZipEntry[] {
  const wanted = new Map<string, ZipEntry>();
  for (const entry of entries) {
    if (entry.path.endsWith("/") || !(options.entries?.(entry.path) ?? true)) continue;
    wanted.delete(entry.path);
    wanted.set(entry.path, entry);
  }
  return [...wanted.values()];
}

/** Count, then sizes as declared, then the load: all before one byte is inflated; the first cap passed ends it. */
function readZip(file: LoadedFile, options: ReadOptions, budget: Budget, progress?: ReadProgressListener): FileRead {
  const instead = `Load ${options.instead}.`;
  const directory = readZipDirectory(file.bytes, MAX_ZIP_ENTRIES);
  if (directory.status === "damaged")
    return problem(file.name, "not-a-zip", `failed to read ${file.name} as a zip (${directory.reason}). ${instead}`);
  if (directory.status === "too-many")
    return problem(
      file.name,
      "too-many-files",
      `${file.name} lists ${directory.count.toLocaleString("en-US")} files, more than the ${MAX_ZIP_ENTRIES.toLocaleString("en-US")} the wizard opens in one zip: not read. ${instead}`,
    );
  const wanted = wantedEntries(directory.entries, options);
  const skipped = wanted.filter((e) => options.skip?.(e.path)).map((e) => e.path);
  const toRead = wanted.filter((e) => !options.skip?.(e.path));
  const huge = toRead.find((e) => e.size > MAX_FILE_BYTES);
  if (huge)
    return problem(
      file.name,
      "too-big",
      `${file.name} was not read: ${huge.path} in it unpacks to over ${megabytes(MAX_FILE_BYTES)}, more than the wizard reads from one file. ${instead}`,
    );
  if (!budget.take(toRead.reduce((sum, e) => sum + e.size, 0)))
    return problem(file.name, "load-too-big", loadTooBig(file.name));
  const files: TextFile[] = [];
  const notTextEntries: FileProblem[] = [];
  for (const [i, entry] of toRead.entries()) {
    progress?.({ done: i, total: toRead.length, label: `Unpacking ${entry.path} from ${file.name}` });
    const unpacked = unpackEntry(file.bytes, entry);
    if (!unpacked.ok)
      return problem(
        file.name,
        "not-a-zip",
        `failed to read ${file.name} as a zip (${entry.path}: ${unpacked.reason}). ${instead}`,
      );
    const text = decodeText(unpacked.bytes);
    if (text === null)
      notTextEntries.push({
        name: entry.path,
        cause: "not-text",
        reason: notText(`${entry.path} in ${file.name}`, options.instead),
      });
    else files.push({ name: entry.path, text });
  }
  return { kind: "zip", name: file.name, files, notText: notTextEntries, skipped };
}

function readFile(file: LoadedFile, options: ReadOptions, budget: Budget, progress?: ReadProgressListener): FileRead {
  if (file.error !== undefined)
    return problem(file.name, "unreadable", `failed to read ${file.name} (${file.error}). Load it again.`);
  const size = file.size ?? file.bytes.byteLength;
  if (size > MAX_FILE_BYTES)
    return problem(
      file.name,
      "too-big",
      `${file.name} is over ${megabytes(MAX_FILE_BYTES)}, more than the wizard reads from one file: not read. Load ${options.instead}.`,
    );
  // A file loadFiles left unread for the load cap has its size but no bytes: it spends the budget here too.
  const unread = file.bytes.byteLength < size;
  if (!budget.take(unread ? Infinity : size)) return problem(file.name, "load-too-big", loadTooBig(file.name));
  if (options.unzip && (isZip(file.bytes) || /\.zip$/i.test(file.name)))
    return readZip(file, options, budget, progress);
  if (options.skip?.(file.name)) return { kind: "skipped", name: file.name };
  const text = decodeText(file.bytes);
  return text === null
    ? problem(file.name, "not-text", notText(file.name, options.instead))
    : { kind: "text", name: file.name, text };
}

/**
 * Each file read, in order: its text, its zip's wanted texts, or the problem that kept it unread.
 * `progress` hears of each zip entry as it is unpacked.
 */
export function readFiles(
  files: readonly LoadedFile[],
  options: ReadOptions,
  progress?: ReadProgressListener,
): FileRead[] {
  const budget = loadBudget();
  return files.map((file) => readFile(file, options, budget, progress));
}

export interface Texts {
  /** Files and zip entries read, in order. */
  texts: TextFile[];
  problems: FileProblem[];
  /** Names left unread by `skip`. */
  skipped: string[];
}

/** readFiles with zips flattened: what most inputs want. */
export function readTexts(files: readonly LoadedFile[], options: ReadOptions, progress?: ReadProgressListener): Texts {
  const out: Texts = { texts: [], problems: [], skipped: [] };
  for (const read of readFiles(files, options, progress)) {
    if (read.kind === "text") out.texts.push({ name: read.name, text: read.text });
    else if (read.kind === "skipped") out.skipped.push(read.name);
    else if (read.kind === "problem") out.problems.push(read.problem);
    else {
      out.texts.push(...read.files);
      out.problems.push(...read.notText);
      out.skipped.push(...read.skipped);
    }
  }
  return out;
}
