// npm run bench: the wizard in headless Chromium against the openssl command line and against raw
// WebCrypto in the same page, all measured in one run, each figure a median (min–max) and a ratio.
// Speed is measured here, never in timed tests: these machines are shared and noisy. It prints the
// targets beside the figures and never fails on them.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { type Browser, chromium } from "@playwright/test";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/support/chromium";
import type { KeyAlgorithmId } from "../lib/pki/algorithms";
import { defaultInput, MAX_AGENTS } from "../lib/wizard/model";
import { agentKeystrokes } from "./bench-agents";
import { generateOnce, type Generation, openDownload, rawWebCrypto, rawWebCryptoWorkers } from "./bench-page";
import { renewLoad } from "./bench-renew";
import { firstLoadJs } from "./first-load-js";

const RUNS = Number(process.env.BENCH_RUNS || 9);
/** The first runs also compile the Worker's code; `npm test` runs the bench once with none, to prove it still works. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
/** Fleets take seconds a run: fewer of them. */
const FLEET_RUNS = Number(process.env.BENCH_FLEET_RUNS || Math.min(RUNS, 3));
const PORT = Number(process.env.BENCH_PORT || 3230);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SCALING = [10, 100, 1_000, 5_000];
/** CA, three backends and one agent. */
const GUIDE_KEYS = 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (xs: number[]) =>
  `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
const ratio = (a: number[], b: number[]) => median(a) / median(b);

function timeOpenssl(alg: "rsa" | "ec"): number {
  const dir = mkdtempSync(join(tmpdir(), "bench-openssl-"));
  try {
    const start = performance.now();
    const r = spawnSync("bash", ["scripts/bench-openssl.sh", alg, dir], { encoding: "utf8" });
    const took = performance.now() - start;
    if (r.status !== 0) throw new Error(`failed to run the openssl baseline: ${r.stderr}`);
    return took;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The guide's set, one CA: wizard, raw WebCrypto and openssl interleaved, warm-up runs dropped. */
async function guideSet(browser: Browser, algorithm: KeyAlgorithmId) {
  const input = defaultInput();
  input.plan.keyAlgorithm = algorithm;
  input.plan.caLayout = "single";
  const page = await openDownload(browser, ORIGIN, input);
  const wizard: number[] = [];
  const raw: number[] = [];
  const openssl: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const w = (await generateOnce(page)).ms;
    const r = await rawWebCrypto(page, algorithm, GUIDE_KEYS);
    const o = timeOpenssl(algorithm === "rsa-2048" ? "rsa" : "ec");
    if (i < WARMUP) continue;
    wizard.push(w);
    raw.push(r);
    openssl.push(o);
  }
  await page.close();
  return { wizard, raw, openssl };
}

/** A fleet with a separate agent CA: two CAs, three backends and `agents` agents. */
async function fleet(browser: Browser, algorithm: KeyAlgorithmId, agents: number, withRaw: boolean) {
  const input = defaultInput();
  input.plan.keyAlgorithm = algorithm;
  input.plan.caLayout = "separate";
  input.agents.rows = Array.from({ length: agents }, (_, i) => ({ id: `a${i + 1}`, commonName: `agent-${i + 1}` }));
  const page = await openDownload(browser, ORIGIN, input);
  const runs: Generation[] = [];
  const raw: number[] = [];
  for (let i = 0; i < FLEET_RUNS; i++) {
    runs.push(await generateOnce(page));
    if (withRaw) raw.push(await rawWebCrypto(page, algorithm, agents + 5));
  }
  await page.close();
  return { wizard: runs.map((r) => r.ms), runs, raw };
}

async function browserCores(browser: Browser): Promise<number> {
  const page = await browser.newPage();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.close();
  return cores;
}

async function main() {
  if (!existsSync("out/_csp.json")) {
    console.log("building the app first (npm run build)…");
    if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
  }
  const out: string[] = [];
  const say = (line = "") => out.push(line);
  const routes = firstLoadJs();
  say("First-load JavaScript per route (gzipped, the scripts each page's HTML loads; target ≤ 150 kB):\n");
  say("| route | kB gzipped | target ≤ 150 |");
  say("|---|---|---|");
  for (const r of routes) say(`| ${r.route} | ${r.kB.toFixed(1)} | ${verdict(r.kB <= 150)} |`);

  const server = spawn("node", ["scripts/serve.mjs"], {
    env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1" },
    stdio: "ignore",
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    await new Promise((r) => setTimeout(r, 500));
    const rsa = await guideSet(browser, "rsa-2048");
    const ec = await guideSet(browser, "ecdsa-p256");
    say(
      `\nGuide's set (one CA, 3 backends, 1 agent: ${GUIDE_KEYS} key pairs), ${RUNS} runs each after ${WARMUP} warm-up, interleaved.`,
    );
    say(
      "Raw WebCrypto: the same number of key pairs generated, exported and used once to sign, in the wizard's page.\n",
    );
    say("| keys | wizard in Chromium | raw WebCrypto | openssl CLI | wizard ÷ openssl | wizard ÷ raw | targets |");
    say("|---|---|---|---|---|---|---|");
    for (const [label, r, target] of [
      [
        "RSA-2048",
        rsa,
        (o: number, w: number) => `≤ 0.5× openssl: ${verdict(o <= 0.5)}; ≤ 1.3× raw: ${verdict(w <= 1.3)}`,
      ],
      ["ECDSA P-256", ec, (o: number) => `≤ 0.25× openssl: ${verdict(o <= 0.25)}`],
    ] as const) {
      const o = ratio(r.wizard, r.openssl);
      const w = ratio(r.wizard, r.raw);
      say(
        `| ${label} | ${ms(r.wizard)} | ${ms(r.raw)} | ${ms(r.openssl)} | ${o.toFixed(2)} | ${w.toFixed(2)} | ${target(o, w)} |`,
      );
    }

    const sizes = SCALING.filter((n) => n <= MAX_AGENTS);
    const skipped = SCALING.filter((n) => n > MAX_AGENTS);
    const p256 = new Map<number, Awaited<ReturnType<typeof fleet>>>();
    for (const n of sizes) p256.set(n, await fleet(browser, "ecdsa-p256", n, n === 1_000));
    const rsaFleet = await fleet(browser, "rsa-2048", 100, true);
    say(
      `\nFleets with a separate agent CA (2 CAs, 3 backends, the agents), Generate to an enabled Download, ${FLEET_RUNS} runs each:\n`,
    );
    say("| fleet | wizard in Chromium | raw WebCrypto, one core | wizard ÷ raw | target |");
    say("|---|---|---|---|---|");
    const thousand = p256.get(1_000);
    if (thousand) {
      const tw = ratio(thousand.wizard, thousand.raw);
      const target = `≤ 2.5 s: ${verdict(median(thousand.wizard) <= 2_500)}`;
      say(`| 1,000 P-256 agents | ${ms(thousand.wizard)} | ${ms(thousand.raw)} | ${tw.toFixed(2)} | ${target} |`);
    }
    const rw = ratio(rsaFleet.wizard, rsaFleet.raw);
    say(
      `| 100 RSA-2048 agents | ${ms(rsaFleet.wizard)} | ${ms(rsaFleet.raw)} | ${rw.toFixed(2)} | ≤ 1.2× raw: ${verdict(rw <= 1.2)} |`,
    );

    say("\nScaling, P-256 agents with a separate agent CA (should stay flat):\n");
    say("| agents | wizard | ms per agent |");
    say("|---|---|---|");
    for (const [n, r] of p256)
      say(`| ${n.toLocaleString("en-US")} | ${ms(r.wizard)} | ${(median(r.wizard) / n).toFixed(2)} |`);
    for (const n of skipped)
      say(
        `| ${n.toLocaleString("en-US")} | skipped: above this build's MAX_AGENTS (${MAX_AGENTS.toLocaleString("en-US")}) | – |`,
      );

    if (thousand) {
      const worst = (pick: (g: Generation) => number) => Math.max(...thousand.runs.map(pick));
      const gen = worst((g) => g.longestGenerating);
      const review = worst((g) => g.longestReview);
      say(
        "\nLongest main-thread task at 1,000 P-256 agents (PerformanceObserver longtask, worst of the runs; 0 = none ≥ 50 ms):\n",
      );
      say("| phase | longest task | target ≤ 50 ms |");
      say("|---|---|---|");
      say(`| generating (Generate to enabled Download) | ${gen.toFixed(0)} ms | ${verdict(gen <= 50)} |`);
      say(`| the result rendering (1.5 s after) | ${review.toFixed(0)} ms | ${verdict(review <= 50)} |`);
    }

    // The wizard issues agents eight in flight (lib/bundle/issue-all.ts): does Chromium's WebCrypto
    // spread concurrent RSA key generation over the cores? Raw, in the same page, same run.
    const lanes = await openDownload(browser, ORIGIN, defaultInput());
    // And over several Workers, one thread each: the page's own thread is not timed.
    const one: number[] = [];
    const eight: number[] = [];
    const oneWorker: number[] = [];
    const twoWorkers: number[] = [];
    for (let i = 0; i < FLEET_RUNS; i++) {
      one.push(await rawWebCrypto(lanes, "rsa-2048", 100, 1));
      eight.push(await rawWebCrypto(lanes, "rsa-2048", 100, 8));
      oneWorker.push(await rawWebCryptoWorkers(lanes, 100, 1));
      twoWorkers.push(await rawWebCryptoWorkers(lanes, 100, 2));
    }
    await lanes.close();
    say(`\nKey generation on ${await browserCores(browser)} cores, raw WebCrypto, 100 RSA-2048 key pairs:\n`);
    say("| one at a time | eight in flight (the wizard's way) | eight ÷ one | one Worker | two Workers | two ÷ one |");
    say("|---|---|---|---|---|---|");
    say(
      `| ${ms(one)} | ${ms(eight)} | ${ratio(eight, one).toFixed(2)} | ${ms(oneWorker)} | ${ms(twoWorkers)} | ${ratio(twoWorkers, oneWorker).toFixed(2)} |`,
    );

    const typing = await agentKeystrokes(browser, ORIGIN, MAX_AGENTS);
    const renew = await renewLoad(browser, ORIGIN, 1_000);
    say("\nResponsiveness at fleet scale (one run each):\n");
    say("| what | figure | longest main-thread task | target |");
    say("|---|---|---|---|");
    say(
      `| Agents step with ${typing.agents.toLocaleString("en-US")} agents: ${typing.keystrokes} keystrokes (search, then a CN) | longest keystroke ${typing.longestEvent.toFixed(0)} ms (Event Timing) | ${typing.longestTask.toFixed(0)} ms | ≤ 50 ms: ${verdict(typing.longestTask <= 50)} |`,
    );
    say(
      `| Renew step loading a 1,000-agent bundle zip (${renew.certificates.toLocaleString("en-US")} certificates listed) | ${renew.ms.toFixed(0)} ms to the list | ${renew.longestTask.toFixed(0)} ms | a few seconds, ≤ 50 ms tasks: ${verdict(renew.longestTask <= 50)} |`,
    );
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
  console.log(out.join("\n"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
