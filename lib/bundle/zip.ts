import { type Zippable, zipSync } from "fflate";

export interface ZipFile {
  path: string;
  mode: number;
  content: string;
}

/** S_IFREG: the mode field of a regular file; unzip ignores permission bits without it. */
const REGULAR_FILE = 0o100000;

/**
 * A zip whose entries carry unix modes (made-by = Unix, mode in the external attributes), so
 * `unzip` restores private keys as 0600 rather than the umask's default.
 */
export function zipFiles(files: readonly ZipFile[], mtime: Date): Uint8Array {
  const encoder = new TextEncoder();
  const tree: Zippable = {};
  const seen = new Set<string>();
  for (const f of files) {
    // Case-insensitive file systems would merge two such entries; validation must have prevented it.
    if (seen.has(f.path.toLowerCase())) throw new Error(`failed to zip: ${f.path} appears twice (ignoring case)`);
    seen.add(f.path.toLowerCase());
    tree[f.path] = [encoder.encode(f.content), { os: 3, attrs: ((REGULAR_FILE | f.mode) << 16) >>> 0, mtime }];
  }
  return zipSync(tree, { level: 6 });
}
