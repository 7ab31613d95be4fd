import { expect, test } from "@playwright/test";

import { stepHref, STEPS } from "../lib/wizard/steps";
import { axeViolations } from "./support/axe";

test("every step passes axe's WCAG 2.1 A and AA rules, with errors showing", async ({ page }) => {
  await page.goto("/backends");
  await page.getByRole("group", { name: "Backend 1" }).getByLabel("IP addresses").fill("555.1.1.1");
  for (const path of ["/", ...STEPS.map(stepHref)]) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test("the wizard works from the keyboard, with a visible focus ring", async ({ page }) => {
  await page.goto("/plan");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the step" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();

  await page.keyboard.press("Tab");
  await expect(page.getByLabel(/Load the sensu-tls-plan\.json/)).toBeFocused();
  await page.keyboard.press("Tab");
  // Tab enters a radio group at its checked radio, as browsers do.
  const first = page.getByRole("radio", { name: /^6\.12 and later/ });
  await expect(first).toBeFocused();
  const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe("solid");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("radio", { name: /^6\.4 – 6\.11/ })).toBeChecked();

  const count = page.getByLabel("Number of backends");
  await count.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("0");
  await expect(page.getByRole("main").getByText("1 problem on this step")).toBeVisible();
  await expect(page.getByRole("main").locator("p[aria-live=polite]")).toHaveText(/1 problem on this step/);
  await page.keyboard.press("Backspace");
  await page.keyboard.type("3");

  const nextLink = page.getByRole("link", { name: /^Next: Create a CA/ });
  await nextLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/ca$/);
  await expect(page.getByRole("link", { name: /Create a CA \(current step\)/ })).toHaveAttribute(
    "aria-current",
    "step",
  );
});
