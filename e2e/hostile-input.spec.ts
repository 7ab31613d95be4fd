import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect, type Page, test } from "@playwright/test";
import { zipSync } from "fflate";

import { CLIPBOARD_READ_MEASURE } from "../lib/files/caps";
import { describedBy } from "./support/wizard";

// Files and pastes that tried to freeze the page: each is refused with a message naming the cap
// it passed, and no task on the page's thread runs past 200 ms meanwhile (a frozen tab shows one
// task as long as the whole read: 11–41 s for these files and 12–19 s for the paste, before).

const LONG_TASK_MS = 200;
const TEN_MB = 10 * 1024 * 1024;

interface Span {
  start: number;
  duration: number;
}

/**
 * Records, inside the page so none is missed between polls, every long task from now on and every
 * synchronous clipboard read the paste guard measured. Returns the page's own work per long task:
 * its length less the clipboard reads inside it, which Chromium makes whoever asks for the text.
 */
async function watchLongTasks(page: Page): Promise<() => Promise<{ tasks: number[]; pageWork: number[] }>> {
  await page.evaluate((measure) => {
    const w = window as unknown as { watched: { tasks: Span[]; reads: Span[] }; observers?: PerformanceObserver[] };
    for (const o of w.observers ?? []) o.disconnect();
    w.watched = { tasks: [], reads: [] };
    const span = (e: PerformanceEntry) => ({ start: e.startTime, duration: e.duration });
    const tasks = new PerformanceObserver((list) => w.watched.tasks.push(...list.getEntries().map(span)));
    tasks.observe({ type: "longtask" });
    const reads = new PerformanceObserver((list) =>
      w.watched.reads.push(
        ...list
          .getEntries()
          .filter((e) => e.name === measure)
          .map(span),
      ),
    );
    reads.observe({ type: "measure" });
    w.observers = [tasks, reads];
  }, CLIPBOARD_READ_MEASURE);
  return async () => {
    const { tasks, reads } = await page.evaluate(
      () => (window as unknown as { watched: { tasks: Span[]; reads: Span[] } }).watched,
    );
    const inside = (t: Span) =>
      reads
        .filter((r) => r.start >= t.start && r.start + r.duration <= t.start + t.duration + 1)
        .reduce((sum, r) => sum + r.duration, 0);
    return {
      tasks: tasks.map((t) => Math.round(t.duration)),
      pageWork: tasks.map((t) => Math.round(t.duration - inside(t))),
    };
  };
}

/** A zip whose directory declares `declare(i)` bytes for entry i: fflate writes the true sizes, patched here. */
function zipDeclaring(entries: Record<string, Uint8Array>, declare: (i: number) => number): Uint8Array {
  const z = zipSync(entries);
  const view = new DataView(z.buffer, z.byteOffset, z.byteLength);
  let end = z.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    view.setUint32(at + 24, declare(i), true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return z;
}

/** Puts `length` characters on the clipboard from inside the page; the page's own work here is not measured. */
async function clipboardHolds(page: Page, length: number): Promise<void> {
  await page.evaluate((n) => navigator.clipboard.writeText("-----BEGIN CERTIFICATE-----\n".padEnd(n, "A")), length);
}

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sensu-e2e-hostile-"));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("Renew: a hostile zip and a 10 MB paste are refused by name of their cap, and the page never freezes", async ({
  page,
}) => {
  // 30 MB of zeros whose directory says 10 bytes; 1,100 entries that say 1 MB each, 1.1 GB together.
  const liar = join(dir, "liar.zip");
  writeFileSync(
    liar,
    zipDeclaring({ "ca/ca.pem": new Uint8Array(30_000_000) }, () => 10),
  );
  const many = join(dir, "many.zip");
  const tiny = Object.fromEntries(
    Array.from({ length: 1_100 }, (_, i) => [`agents/a${i}/agent.pem`, Uint8Array.of(1)]),
  );
  writeFileSync(
    many,
    zipDeclaring(tiny, () => 1_000_000),
  );

  await page.goto("/renew");
  await expect(page.getByRole("heading", { level: 1, name: "Renew certificates" })).toBeVisible();
  const files = page.getByLabel("Load a bundle zip or certificate files");
  const pasted = page.getByLabel("Or paste PEM certificates");

  await test.step("the zips: stopped at their declared size and at the load cap, before inflating the rest", async () => {
    const longTasks = await watchLongTasks(page);
    await files.setInputFiles([liar, many]);
    await expect(files).toHaveAttribute("aria-invalid", "true");
    const message = await describedBy(files);
    expect(message).toContain("liar.zip as a zip (ca/ca.pem: it unpacks to more than the 10 bytes it declares)");
    expect(message).toContain("many.zip was not read: the files loaded together pass 50 MB (zips counted unpacked)");
    const { tasks } = await longTasks();
    expect(
      tasks.filter((d) => d > LONG_TASK_MS),
      `long tasks: ${tasks.join(", ")}`,
    ).toEqual([]);
  });

  await test.step("a 10 MB paste: refused on the paste event, before the field lays it out", async () => {
    await clipboardHolds(page, TEN_MB);
    const longTasks = await watchLongTasks(page);
    await pasted.focus();
    await page.keyboard.press("Control+V");
    await expect(pasted).toHaveAttribute("aria-invalid", "true");
    await expect
      .poll(() => describedBy(pasted))
      .toMatch(
        /With the pasted text this field would hold 10,485,760 characters, more than the 64,000 it takes, so nothing was pasted\. Load the bundle zip or the \.pem files instead/,
      );
    await expect(pasted).toHaveValue("");
    const { tasks, pageWork } = await longTasks();
    expect(
      pageWork.filter((d) => d > LONG_TASK_MS),
      `long tasks: ${tasks.join(", ")}; less Chromium's clipboard read: ${pageWork.join(", ")}`,
    ).toEqual([]);
  });

  await test.step("a paste within the cap still goes in", async () => {
    await clipboardHolds(page, 2_000);
    await pasted.focus();
    await page.keyboard.press("Control+V");
    await expect(pasted).not.toHaveAttribute("aria-invalid", "true");
    await expect(pasted).toHaveValue(/^-----BEGIN CERTIFICATE-----\nA+$/);
  });
});

test("Renew: Cancel stops a long read at once, and nothing of it is shown", async ({ page }) => {
  // 9,999 copies of one real certificate: every one is parsed and fingerprinted, seconds of work.
  const pem = execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "/dev/null"],
      ...["-days", "30", "-subj", "/CN=slow"],
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
  );
  const copies = Object.fromEntries(
    Array.from({ length: 9_999 }, (_, i) => [`agents/a${i}/etc/sensu/tls/agent.pem`, new TextEncoder().encode(pem)]),
  );
  const slow = join(dir, "slow.zip");
  writeFileSync(slow, zipSync(copies));

  await page.goto("/renew");
  const longTasks = await watchLongTasks(page);
  await page.getByLabel("Load a bundle zip or certificate files").setInputFiles(slow);
  const progress = page.getByRole("progressbar", { name: "Reading the loaded files" });
  await expect(progress).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Reading slow.zip was cancelled: nothing from it is shown.")).toBeVisible();
  await expect(progress).toBeHidden();
  await expect(page.getByRole("list", { name: "Loaded files" })).toBeHidden();
  await expect(page.getByRole("list", { name: "Loaded certificates, soonest expiry first" })).toBeHidden();
  const { tasks } = await longTasks();
  expect(
    tasks.filter((d) => d > LONG_TASK_MS),
    `long tasks: ${tasks.join(", ")}`,
  ).toEqual([]);
});

test("Create a CA: a 10 MB file and a 10 MB paste are refused at the PEM field, by name of its cap", async ({
  page,
}) => {
  const huge = join(dir, "huge.pem");
  writeFileSync(huge, "-----BEGIN CERTIFICATE-----\n".padEnd(TEN_MB, "A"));
  await page.goto("/ca");
  await page.getByRole("radio", { name: /Use an existing CA/ }).check();
  const certificate = page.getByRole("textbox", { name: "CA certificate", exact: true });
  const file = page.getByLabel("Load CA certificate from a file");

  await test.step("the file: read in the Worker, refused by its length", async () => {
    const longTasks = await watchLongTasks(page);
    await file.setInputFiles(huge);
    await expect(file).toHaveAttribute("aria-invalid", "true");
    await expect
      .poll(() => describedBy(file))
      .toMatch(
        /huge\.pem: 10,485,760 characters of text, more than the 64,000 this field takes, so nothing was loaded\./,
      );
    await expect(certificate).toHaveValue("");
    const { tasks } = await longTasks();
    expect(
      tasks.filter((d) => d > LONG_TASK_MS),
      `long tasks: ${tasks.join(", ")}`,
    ).toEqual([]);
  });

  await test.step("the paste: refused on the paste event", async () => {
    await clipboardHolds(page, TEN_MB);
    const longTasks = await watchLongTasks(page);
    await certificate.focus();
    await page.keyboard.press("Control+V");
    await expect
      .poll(() => describedBy(certificate))
      .toMatch(/would hold 10,485,760 characters, more than the 64,000 it takes/);
    await expect(certificate).toHaveValue("");
    const { tasks, pageWork } = await longTasks();
    expect(
      pageWork.filter((d) => d > LONG_TASK_MS),
      `long tasks: ${tasks.join(", ")}; less Chromium's clipboard read: ${pageWork.join(", ")}`,
    ).toEqual([]);
  });
});
