import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Bundle } from "./bundle";

/** Run a real tool; returns its exit code and output instead of throwing, so tests can assert on failure. */
export function run(
  cmd: string,
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {},
) {
  const env = options.env ? { ...process.env, ...options.env } : undefined;
  const r = spawnSync(cmd, args, { cwd: options.cwd, encoding: "utf8", timeout: options.timeoutMs ?? 30_000, env });
  return { code: r.status ?? -1, out: `${r.stdout ?? ""}${r.stderr ?? ""}`, stdout: r.stdout ?? "" };
}

export function requireTool(name: string): void {
  if (run("sh", ["-c", `command -v ${name}`]).code !== 0) {
    throw new Error(
      `failed to find ${name}: run \`npm test\` (it installs the Debian packages) or apt-get install the package that provides it`,
    );
  }
}

/** Writes the zip to a scratch directory and extracts it with Info-ZIP unzip, as an operator would. */
export function unzipBundle(bundle: Bundle): { dir: string; cleanup: () => void } {
  requireTool("unzip");
  const dir = mkdtempSync(join(tmpdir(), "sensu-tls-"));
  writeFileSync(join(dir, "bundle.zip"), bundle.zip);
  execFileSync("unzip", ["-q", "bundle.zip", "-d", "files"], { cwd: dir });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
