import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { planFileJson } from "../plan/plan-file";
import { defaultInput, type WizardInput } from "../wizard/model";
import { makePlanFile } from "../wizard/plan-file";
import { setBackendCount } from "../wizard/update";

/** The command line exactly as `npx sensu-tls` starts it: the bin entry, in a fresh Node process. */
export const LAUNCHER = resolve(__dirname, "../../scripts/sensu-tls.cjs");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs sensu-tls to completion (or kills it after the timeout); a failing run is returned, not thrown. */
export function sensuTls(args: readonly string[], cwd: string, timeoutMs = 120_000): CliRun {
  const r = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd, encoding: "utf8", timeout: timeoutMs });
  return { code: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

/** The same, without blocking: several runs share the machine's cores. Killed after the timeout. */
export function sensuTlsAsync(args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LAUNCHER, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** Runs each job with at most `limit` at a time, results in order. */
export async function inBatches<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

export function scratchDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "sensu-tls-cli-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The guide's plan with P-256 keys (fast), backends on 127.0.3.1-3: this issue's own loopback addresses. */
export function loopbackInput(change: (input: WizardInput) => void = () => {}): WizardInput {
  const input = setBackendCount(
    { ...defaultInput(), plan: { ...defaultInput().plan, keyAlgorithm: "ecdsa-p256" } },
    "3",
  );
  input.backends.rows.forEach((row, i) => (row.ips = `127.0.3.${i + 1}`));
  change(input);
  return input;
}

/** A plan file as a bundle carries it, before any CA was made (no fingerprint yet). */
export function writePlanFile(dir: string, name: string, input: WizardInput): string {
  const path = join(dir, name);
  writeFileSync(path, planFileJson(makePlanFile(input, { ca: "" })));
  return path;
}
