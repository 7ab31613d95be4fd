import { readTexts } from "../files/read-files";
import type { CliIo } from "./io";

export type TextResult = { ok: true; text: string } | { ok: false; message: string };

/** One text file named by an option, read under lib/files' caps; the message names the option. */
export async function readOptionText(io: CliIo, option: string, path: string, what: string): Promise<TextResult> {
  if (!io.exists(path)) return { ok: false, message: `${option}: ${path} does not exist.` };
  if (io.isDirectory(path)) return { ok: false, message: `${option}: ${path} is a directory; give ${what}.` };
  const { texts, problems } = readTexts(await io.loadFiles([path]), { instead: what });
  const [file] = texts;
  if (!file) return { ok: false, message: `${option}: ${problems.map((p) => p.reason).join(" ")}` };
  return { ok: true, text: file.text };
}
