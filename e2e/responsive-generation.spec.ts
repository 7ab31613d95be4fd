import { expect, test } from "@playwright/test";

test("generation shows its progress and leaves the page responsive", async ({ page }) => {
  await page.goto("/plan");
  // RSA-4096 keys take seconds: on the main thread they would freeze the page for all of it.
  await page.getByRole("radio", { name: /RSA 4096/ }).check();
  await page.goto("/download");
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: "longtask" });
  });

  await page.getByRole("button", { name: "Generate keys and certificates" }).click();
  const bar = page.getByRole("progressbar", { name: "Generating the bundle" });
  const seen = new Set<number>();
  while (!(await page.getByRole("button", { name: /^Download/ }).isVisible())) {
    const now = await bar.getAttribute("aria-valuenow").catch(() => null);
    if (now !== null) seen.add(Number(now));
    await page.waitForTimeout(25);
  }
  expect([...seen].some((v) => v > 0 && v < 100), `progress values seen: ${[...seen].join(", ")}`).toBe(true);
  // A frozen page would show one long task as long as the whole generation (seconds).
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  expect(longest).toBeLessThan(1000);
});
