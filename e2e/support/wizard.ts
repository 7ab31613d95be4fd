import { expect, type Locator, type Page } from "@playwright/test";

/** Clicks "Next" and waits for the step whose heading is `title`. */
export async function next(page: Page, title: string): Promise<void> {
  await page.getByRole("link", { name: /^Next/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

export function backend(page: Page, n: number): Locator {
  return page.getByRole("group", { name: `Backend ${n}` });
}

/** The error text tied to a field through aria-describedby, as a screen reader would read it. */
export async function describedBy(field: Locator): Promise<string> {
  const ids = (await field.getAttribute("aria-describedby")) ?? "";
  const page = field.page();
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(" ");
}

/** Waits for the Worker to finish and returns the Download button. */
export async function generate(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Generate keys and certificates" }).click();
  const download = page.getByRole("button", { name: /^Download sensu-tls-bundle-.*\.zip$/ });
  await expect(download).toBeVisible({ timeout: 60_000 });
  return download;
}

/** Console errors and CSP violations, collected for the whole test. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  return problems;
}

/** Types a bad value, expects its message at the field and Next disabled; then restores the value. */
export async function expectRejected(page: Page, field: Locator, bad: string, message: RegExp): Promise<void> {
  const good = await field.inputValue();
  await field.fill(bad);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect.poll(() => describedBy(field)).toMatch(message);
  await expect(page.getByRole("button", { name: /^Next/ })).toBeDisabled();
  await expect(page.getByRole("main").getByText(/problems? on this step/)).toBeVisible();
  await field.fill(good);
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
}
