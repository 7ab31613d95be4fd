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
    // The first locator injects Playwright's script into the page (~60 ms): before the observer starts.
    const field = page.getByLabel("Load a bundle zip or certificate files");
    await field.waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { tasks: number[] };
      w.tasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.tasks.push(e.duration))).observe({
        type: "longtask",
      });
    });
    // Waited for in the page with a MutationObserver: Playwright's text locator polls by walking the
    // page's text, and that walk showed up as the page's longest task.
    const waited = page.evaluate(
      () =>
        new Promise<{ ms: number; text: string }>((resolve) => {
          const start = performance.now();
          const find = () =>
            [...document.querySelectorAll("p")].find((e) =>
              /^[\d,]+ certificates, soonest expiry first/.test(e.textContent ?? ""),
            );
          const watch = new MutationObserver(() => {
            const found = find();
            if (!found) return;
            watch.disconnect();
            resolve({ ms: performance.now() - start, text: found.textContent ?? "" });
          });
          watch.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
    );
    await field.setInputFiles(zip);
    const { ms, text } = await waited;
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(() => (window as unknown as { tasks: number[] }).tasks);
    return { certificates: Number(text.replace(/,/g, "").split(" ")[0]), ms, longestTask: Math.max(0, ...tasks) };
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
