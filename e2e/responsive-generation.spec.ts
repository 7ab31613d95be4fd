import { expect, test } from "@playwright/test";

interface Watch {
  longest: number;
  progress: number[];
}

test("generation shows its progress and leaves the page responsive", async ({ page }) => {
  await page.goto("/plan");
  // RSA-4096 keys take seconds: on the main thread they would freeze the page for all of it.
  await page.getByRole("radio", { name: /RSA 4096/ }).check();
  await page.goto("/download");
  // Recorded inside the page, so no value is missed between polls and nothing waits on an element
  // that may already be gone.
  await page.evaluate(() => {
    const w = window as unknown as { watch: Watch };
    w.watch = { longest: 0, progress: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.watch.longest = Math.max(w.watch.longest, e.duration);
    }).observe({ type: "longtask" });
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      if (bar) w.watch.progress.push(Number(bar.getAttribute("aria-valuenow")));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  });

  await page.getByRole("button", { name: "Generate keys and certificates" }).click();
  await expect(page.getByRole("button", { name: /^Download/ })).toBeVisible({ timeout: 75_000 });
  const watch = await page.evaluate(() => (window as unknown as { watch: Watch }).watch);
  expect(
    watch.progress.some((v) => v > 0 && v < 100),
    `progress values seen: ${watch.progress.join(", ")}`,
  ).toBe(true);
  // A frozen page would show one long task as long as the whole generation (seconds).
  expect(watch.longest).toBeLessThan(1000);
});
