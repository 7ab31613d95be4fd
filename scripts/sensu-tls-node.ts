import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";

import type { CliIo } from "../lib/cli/io";
import { main } from "../lib/cli/main";
import { loadFiles } from "../lib/files/load-files";
import type { LoadedFile } from "../lib/files/read-files";
import { nodeCrypto } from "../lib/pki/node-crypto";

/** The machine side of the command line: files through node:fs, everything else in lib/cli. */

/** A path as lib/files' loader reads it: size first, so a file over the caps is never read. */
function fileLike(path: string, name: string) {
  const size = statSync(path).size;
  return { name, size, arrayBuffer: async () => new Uint8Array(readFileSync(path)).buffer };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return walk(path);
    return d.isFile() ? [path] : [];
  });
}

/**
 * Written under a temporary name with mode 0600 from the start, then moved into place: with `replace`
 * by rename (atomic), else by link, which fails if the name exists, so nothing is ever overwritten
 * by accident, even by a file that appeared meanwhile.
 */
function writePrivate(path: string, bytes: Uint8Array, replace: boolean): ReturnType<CliIo["writePrivate"]> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    const fd = openSync(temp, "wx", 0o600);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (replace) renameSync(temp, path);
    else {
      linkSync(temp, path);
      unlinkSync(temp);
    }
    return { ok: true };
  } catch (e) {
    if (existsSync(temp)) unlinkSync(temp);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST")
      return { ok: false, message: `${path} exists. Pass --force to replace it, or choose another name.` };
    return { ok: false, message: `failed to write ${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function nodeIo(): Promise<CliIo> {
  const crypto = await nodeCrypto();
  return {
    loadFiles: async (paths) => {
      const loaded: LoadedFile[] = [];
      for (const p of paths) {
        try {
          loaded.push(...(await loadFiles([fileLike(p, p)])));
        } catch (e) {
          loaded.push({ name: p, bytes: new Uint8Array(), error: e instanceof Error ? e.message : String(e) });
        }
      }
      return loaded;
    },
    loadTree: async (dir, wanted) => {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
      const files = walk(dir)
        .map((path) => ({ path, name: relative(dir, path).split(sep).join("/") }))
        .filter((f) => wanted(f.name));
      return loadFiles(files.map((f) => fileLike(f.path, f.name)));
    },
    exists: (path) => existsSync(path),
    isDirectory: (path) => existsSync(path) && statSync(path).isDirectory(),
    writePrivate,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    now: () => new Date(),
    crypto,
  };
}

void nodeIo()
  .then((io) => main(process.argv.slice(2), io))
  .then((code) => {
    process.exitCode = code;
  });
