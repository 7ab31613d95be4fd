import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Download } from "@playwright/test";

/** Saves a download and extracts it with Info-ZIP unzip, as the operator would. */
export async function unzipDownload(
  download: Download,
): Promise<{ dir: string; zip: string; path: (p: string) => string; mode: (p: string) => number }> {
  const dir = mkdtempSync(join(tmpdir(), "sensu-e2e-"));
  const zip = join(dir, "bundle.zip");
  await download.saveAs(zip);
  execFileSync("unzip", ["-q", zip, "-d", join(dir, "files")]);
  const path = (p: string) => join(dir, "files", p);
  return { dir, zip, path, mode: (p) => statSync(path(p)).mode & 0o777 };
}

export function openssl(args: string[]): { code: number; out: string } {
  const r = spawnSync("openssl", args, { encoding: "utf8", timeout: 30_000 });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

export function run(cmd: string, args: string[], env: Record<string, string> = {}): { code: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 30_000, env: { ...process.env, ...env } });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}
