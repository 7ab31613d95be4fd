import { expect, test } from "@playwright/test";

import { backend, describedBy, generate } from "./support/wizard";

test("a reload mid-way keeps every input, bad ones included, and never stores a key", async ({ page }) => {
  await test.step("Fill in a few steps", async () => {
    await page.goto("/plan");
    await page.getByRole("radio", { name: /Single CA/ }).check();
    await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
    await page.getByLabel("Number of backends").fill("1");
    await page.goto("/ca");
    await page.getByLabel("CA common name", { exact: true }).fill("Acme Monitoring CA");
    await page.goto("/backends");
    await backend(page, 1).getByLabel("Fully qualified domain name (FQDN)").fill("sensu.acme.internal");
    await backend(page, 1).getByLabel("IP addresses").fill("192.168.7.10, 10.0.0");
  });

  await test.step("Reload and find everything as it was", async () => {
    await page.reload();
    const ips = backend(page, 1).getByLabel("IP addresses");
    await expect(ips).toHaveValue("192.168.7.10, 10.0.0");
    await expect.poll(() => describedBy(ips)).toMatch(/10\.0\.0/);
    await expect(backend(page, 1).getByLabel("Fully qualified domain name (FQDN)")).toHaveValue("sensu.acme.internal");
    await expect(backend(page, 2)).toHaveCount(0);
    await page.goto("/ca");
    await expect(page.getByLabel("CA common name", { exact: true })).toHaveValue("Acme Monitoring CA");
    await page.goto("/plan");
    await expect(page.getByRole("radio", { name: /Single CA/ })).toBeChecked();
    await expect(page.getByLabel("Number of backends")).toHaveValue("1");
  });

  await test.step("Generate, then look for key material anywhere the browser keeps data", async () => {
    await page.goto("/backends");
    await backend(page, 1).getByLabel("IP addresses").fill("192.168.7.10");
    await page.goto("/download");
    await generate(page);
    const stored = await page.evaluate(async () => ({
      url: location.href,
      session: JSON.stringify({ ...sessionStorage }),
      local: JSON.stringify({ ...localStorage }),
      databases: (await indexedDB.databases()).map((d) => d.name),
      cookies: document.cookie,
    }));
    expect(stored.url).toMatch(/\/download$/);
    expect(stored.session).toContain("Acme Monitoring CA");
    expect(stored.session).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE|MII/);
    expect(stored.local).toBe("{}");
    expect(stored.databases).toEqual([]);
    expect(stored.cookies).toBe("");
  });

  await test.step("Leaving before the download asks first; after it, it does not", async () => {
    const leaveIsBlocked = () =>
      page.evaluate(() => {
        const event = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    expect(await leaveIsBlocked()).toBe(true);
    const waiting = page.waitForEvent("download");
    await page.getByRole("button", { name: /^Download/ }).click();
    await waiting;
    await expect(page.getByText(/Downloaded\./)).toBeVisible();
    expect(await leaveIsBlocked()).toBe(false);
  });
});
