import { chromium, expect, test } from "@playwright/test";

import { stepHref, STEPS } from "../lib/wizard/steps";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./support/chromium";
import { watchConsole } from "./support/wizard";

test("every page loads under a strict CSP, from this origin only, without errors", async ({ page, baseURL }) => {
  const problems = watchConsole(page);
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(`${baseURL}/`)) foreign.push(r.url());
  });
  for (const path of ["/", ...STEPS.map(stepHref)]) {
    await test.step(path, async () => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const header = response?.headers()["content-security-policy"] ?? "";
      expect(header).toContain("default-src 'none'");
      expect(header).toContain("frame-ancestors 'none'");
      expect(header).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      expect(meta).toContain("script-src 'self' 'sha256-");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
  }
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);

  await test.step("an unknown address: a styled 404 that breaks no policy either", async () => {
    const response = await page.goto("/no-such-step");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
  });
});

test("an injected inline script does not run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => violations.push(m.text()));
  await page.goto("/plan");
  const ran = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.append(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.join("\n")).toMatch(/Content Security Policy/);
});

test("opened over plain http from another host name, it explains how to serve the wizard", async ({ baseURL }) => {
  const port = new URL(baseURL!).port;
  // wizard.test resolves to the local server, but it is not localhost: no secure context, no WebCrypto.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP wizard.test 127.0.0.1"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://wizard.test:${port}/download`);
    const alert = page.getByRole("alert").filter({ hasText: "cannot make keys" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(`http://wizard.test:${port}`);
    await expect(alert).toContainText(`http://localhost:${port}`);
    await expect(alert).toContainText(`ssh -L 3000:localhost:${port}`);
    await expect(page.getByRole("button", { name: "Generate keys and certificates" })).toBeDisabled();
    await page.goto(`http://wizard.test:${port}/ca`);
    await expect(page.getByLabel("CA common name", { exact: true })).toBeEditable();
  } finally {
    await browser.close();
  }
});
