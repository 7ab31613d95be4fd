// The Renew step reading a fleet's bundle: a 1,000-agent zip made in Node with the wizard's own
// generator, loaded through the file field, timed until the list's count shows, with the longest
// main-thread task meanwhile.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Browser } from "@playwright/test";

import { generateBundle } from "../lib/bundle/generate";
import { guidePlan } from "../lib/bundle/test-plan.test-helper";
import { nodeCrypto } from "../lib/pki/node-crypto";
import { replaceAgents } from "../lib/wizard/update";

export interface RenewLoad {
  certificates: number;
  ms: number;
  longestTask: number;
}

export async function renewLoad(browser: Browser, origin: string, agents: number): Promise<RenewLoad> {
  const plan = guidePlan((i) =>
    replaceAgents(
      { ...i, plan: { ...i.plan, keyAlgorithm: "ecdsa-p256" } },
      Array.from({ length: agents }, (_, n) => `agent-${n}`),
    ),
  );
  const bundle = await generateBundle(await nodeCrypto(), new Date(), plan);
  const dir = mkdtempSync(join(tmpdir(), "bench-renew-"));
  const zip = join(dir, "bundle.zip");
  writeFileSync(zip, bundle.zip);
  const page = await browser.newPage();
  try {
    await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
    await page.goto(`${origin}/renew`, { timeout: 30_000 });
    await page.evaluate(() => {
      const w = window as unknown as { tasks: number[] };
      w.tasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.tasks.push(e.duration))).observe({
        type: "longtask",
      });
    });
    const start = Date.now();
    await page.getByLabel("Load a bundle zip or certificate files").setInputFiles(zip);
    const count = page.getByText(/^[\d,]+ certificates, soonest expiry first/);
    await count.waitFor({ timeout: 120_000 });
    const ms = Date.now() - start;
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(() => (window as unknown as { tasks: number[] }).tasks);
    const text = (await count.textContent()) ?? "";
    return { certificates: Number(text.replace(/,/g, "").split(" ")[0]), ms, longestTask: Math.max(0, ...tasks) };
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
