// npm run bench: the guide's set (CA + 3 backends + 1 agent) generated through the app in headless
// Chromium, from the Generate click to the finished zip, against the same work with the openssl
// command line, in one run. Prints medians and the ratio; the target is a ratio of at most 0.5.
// Speed is measured here, never in timed tests: these machines are shared and noisy.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium } from "@playwright/test";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/support/chromium";
import type { KeyAlgorithmId } from "../lib/pki/algorithms";
import { defaultInput } from "../lib/wizard/model";
import { STORAGE_KEY } from "../lib/wizard/persist";

const RUNS = Number(process.env.BENCH_RUNS || 9);
/** The first runs also compile the Worker's code; `npm test` runs the bench once with none, to prove it still works. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const PORT = Number(process.env.BENCH_PORT || 3230);
const CASES: { label: string; algorithm: KeyAlgorithmId; openssl: "rsa" | "ec" }[] = [
  { label: "RSA-2048", algorithm: "rsa-2048", openssl: "rsa" },
  { label: "ECDSA P-256", algorithm: "ecdsa-p256", openssl: "ec" },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function timeOpenssl(alg: "rsa" | "ec"): number {
  const dir = mkdtempSync(join(tmpdir(), "bench-openssl-"));
  try {
    const start = performance.now();
    const r = spawnSync("bash", ["scripts/bench-openssl.sh", alg, dir], { encoding: "utf8" });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`failed to run the openssl baseline: ${r.stderr}`);
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync("out/_csp.json")) {
    console.log("building the app first (npm run build)…");
    if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
  }
  const server = spawn("node", ["scripts/serve.mjs"], {
    env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1" },
    stdio: "ignore",
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const rows: string[] = [];
  try {
    await new Promise((r) => setTimeout(r, 500));
    for (const c of CASES) {
      const page = await browser.newPage();
      // "Discard keys" asks before dropping keys that were never downloaded: the bench means it.
      page.on("dialog", (dialog) => void dialog.accept());
      const input = defaultInput();
      input.plan.keyAlgorithm = c.algorithm;
      input.plan.caLayout = "single"; // the guide's set: one CA
      await page.goto(`http://127.0.0.1:${PORT}/plan`, { timeout: 15_000 });
      await page.evaluate(([k, v]) => sessionStorage.setItem(k!, v!), [STORAGE_KEY, JSON.stringify(input)]);
      await page.goto(`http://127.0.0.1:${PORT}/download`);
      const browserMs: number[] = [];
      const opensslMs: number[] = [];
      for (let i = 0; i < RUNS + WARMUP; i++) {
        await page.evaluate(() => performance.clearMeasures("sensu-generate"));
        await page.getByRole("button", { name: "Generate keys and certificates" }).click();
        await page.getByRole("button", { name: "Discard keys" }).waitFor({ timeout: 60_000 });
        const ms = await page.evaluate(() => performance.getEntriesByName("sensu-generate")[0]?.duration ?? NaN);
        await page.getByRole("button", { name: "Discard keys" }).click();
        const openssl = timeOpenssl(c.openssl);
        if (i < WARMUP) continue;
        browserMs.push(ms);
        opensslMs.push(openssl);
      }
      await page.close();
      const b = median(browserMs);
      const o = median(opensslMs);
      const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
      rows.push(
        `| ${c.label} | ${b.toFixed(0)} ms (${range(browserMs)}) | ${o.toFixed(0)} ms (${range(opensslMs)}) | ${(b / o).toFixed(2)} | ${b / o <= 0.5 ? "met" : "MISSED"} |`,
      );
    }
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
  console.log(`\nGuide's set (CA + 3 backends + 1 agent), median of ${RUNS} runs each, interleaved:\n`);
  console.log("| keys | wizard in Chromium: median (min–max) | openssl CLI: median (min–max) | ratio | target ≤ 0.5 |");
  console.log("|---|---|---|---|---|");
  for (const r of rows) console.log(r);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
