// What the bench does inside the wizard's page: one generation timed from the Generate click to an
// enabled Download button, with the longest main-thread tasks seen meanwhile; and the same number of
// key pairs made with raw WebCrypto in the same page, for the baseline the app cannot beat.
import type { Browser, Page } from "@playwright/test";

import type { KeyAlgorithmId } from "../lib/pki/algorithms";
import type { WizardInput } from "../lib/wizard/model";
import { STORAGE_KEY } from "../lib/wizard/persist";

export interface Generation {
  /** From the Generate click to an enabled Download button. */
  ms: number;
  /** The longest main-thread task (PerformanceObserver "longtask", 50 ms and up) until then; 0 if none. */
  longestGenerating: number;
  /** The longest one in the 1.5 s after, while the result (file table, review) renders. */
  longestReview: number;
}

/** The Download step of a page whose inputs are `input`, given through sessionStorage as a reload would. */
export async function openDownload(browser: Browser, origin: string, input: WizardInput): Promise<Page> {
  const page = await browser.newPage();
  // tsx compiles this file keeping function names through a __name helper the page does not have.
  await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
  // "Discard keys" asks before dropping keys that were never downloaded: the bench means it.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${origin}/plan`, { timeout: 30_000 });
  await page.evaluate(([k, v]) => sessionStorage.setItem(k!, v!), [STORAGE_KEY, JSON.stringify(input)]);
  await page.goto(`${origin}/download`);
  await page.getByRole("button", { name: /^Generate keys and certificates/ }).waitFor({ timeout: 30_000 });
  return page;
}

/** One generation, then its keys discarded so the next run starts from the same page. */
export async function generateOnce(page: Page): Promise<Generation> {
  const result = await page.evaluate(async () => {
    const tasks: { start: number; duration: number }[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    });
    observer.observe({ type: "longtask" });
    const buttons = () => [...document.querySelectorAll("button")];
    const generate = buttons().find((b) => /^Generate keys and certificates/.test(b.textContent ?? ""));
    if (!generate || generate.disabled) throw new Error("the Generate button is missing or disabled");
    const ready = () => buttons().some((b) => /^Download\b/.test(b.textContent?.trim() ?? "") && !b.disabled);
    const start = performance.now();
    const done = new Promise<number>((resolve, reject) => {
      const watch = new MutationObserver(() => {
        if (ready()) {
          watch.disconnect();
          resolve(performance.now());
        } else if (/failed|would fail/i.test(document.querySelector("[role=alert]")?.textContent ?? "")) {
          watch.disconnect();
          reject(new Error(document.querySelector("[role=alert]")?.textContent ?? "generation failed"));
        }
      });
      watch.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    generate.click();
    const end = await done;
    await new Promise((r) => setTimeout(r, 1500));
    observer.disconnect();
    const longest = (xs: typeof tasks) => Math.max(0, ...xs.map((t) => t.duration));
    return {
      ms: end - start,
      longestGenerating: longest(tasks.filter((t) => t.start < end)),
      longestReview: longest(tasks.filter((t) => t.start >= end)),
    };
  });
  await page.getByRole("button", { name: "Discard keys" }).click();
  await page.getByRole("button", { name: /^Generate keys and certificates/ }).waitFor();
  return result;
}

/**
 * `keys` key pairs made with raw WebCrypto in the page, one after another (`inFlight` 1) or that
 * many at once: generated, both halves exported, and each used once to sign 512 bytes, as the
 * wizard does at the least.
 */
export function rawWebCrypto(page: Page, algorithm: KeyAlgorithmId, keys: number, inFlight = 1): Promise<number> {
  return page.evaluate(
    async ([rsa, n, lanes]) => {
      const params = rsa
        ? { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }
        : { name: "ECDSA", namedCurve: "P-256" };
      const sign = rsa ? { name: "RSASSA-PKCS1-v1_5" } : { name: "ECDSA", hash: "SHA-256" };
      const data = new Uint8Array(512);
      const start = performance.now();
      let next = 0;
      const lane = async () => {
        while (next++ < n) {
          const pair = (await crypto.subtle.generateKey(params, true, ["sign", "verify"])) as CryptoKeyPair;
          await crypto.subtle.exportKey("pkcs8", pair.privateKey);
          await crypto.subtle.exportKey("spki", pair.publicKey);
          await crypto.subtle.sign(sign, pair.privateKey, data);
        }
      };
      await Promise.all(Array.from({ length: lanes }, lane));
      return performance.now() - start;
    },
    [algorithm === "rsa-2048", keys, inFlight] as const,
  );
}

/** A bench-only Worker, served through Playwright's routing (never part of the app): RSA keys on its own thread. */
const KEYGEN_WORKER = `
onmessage = async ({ data: n }) => {
  const params = { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" };
  const data = new Uint8Array(512);
  for (let i = 0; i < n; i++) {
    const pair = await crypto.subtle.generateKey(params, true, ["sign", "verify"]);
    await crypto.subtle.exportKey("pkcs8", pair.privateKey);
    await crypto.subtle.exportKey("spki", pair.publicKey);
    await crypto.subtle.sign({ name: "RSASSA-PKCS1-v1_5" }, pair.privateKey, data);
  }
  postMessage(n);
};`;
const KEYGEN_PATH = "/__bench/keygen-worker.js";

/**
 * `keys` RSA-2048 key pairs split over `workers` dedicated Workers started in the page: whether
 * spreading the wizard's key generation over several Workers would use the second core.
 */
export async function rawWebCryptoWorkers(page: Page, keys: number, workers: number): Promise<number> {
  await page.route(`**${KEYGEN_PATH}`, (route) =>
    route.fulfill({ contentType: "text/javascript", body: KEYGEN_WORKER }),
  );
  return page.evaluate(
    async ([path, n, count]) => {
      const pool = Array.from({ length: count }, () => new Worker(path));
      const start = performance.now();
      await Promise.all(
        pool.map(
          (w, i) =>
            new Promise((resolve) => {
              w.onmessage = resolve;
              w.postMessage(Math.floor(n / count) + (i < n % count ? 1 : 0));
            }),
        ),
      );
      const ms = performance.now() - start;
      pool.forEach((w) => w.terminate());
      return ms;
    },
    [KEYGEN_PATH, keys, workers] as const,
  );
}
