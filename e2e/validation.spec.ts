import { expect, test } from "@playwright/test";

import { backend, describedBy, expectRejected } from "./support/wizard";

test("each bad input gets a message at its field, blocks Next, and loses nothing else", async ({ page }) => {
  await test.step("Plan: a cluster with zero backends", async () => {
    await page.goto("/plan");
    const count = page.getByLabel("Number of backends");
    await expectRejected(page, count, "0", /at least 1/);
    await expectRejected(page, count, "eight", /whole number/);
  });

  await test.step("Create a CA: empty and over-long common names, bad validity", async () => {
    await page.goto("/ca");
    const cn = page.getByLabel("CA common name", { exact: true });
    await expectRejected(page, cn, "", /Enter a common name/);
    await expectRejected(page, cn, "C".repeat(65), /65 characters; X\.509 allows 64/);
    await expectRejected(page, page.getByLabel("Validity", { exact: true }), "-1", /negative/);
  });

  await test.step("Backend certificates: invalid names and addresses, duplicates, validity", async () => {
    await page.goto("/backends");
    const b1 = backend(page, 1);
    const b2 = backend(page, 2);
    const fqdn = b1.getByLabel("Fully qualified domain name (FQDN)");
    await expectRejected(page, fqdn, "backend_1.example.com", /underscore/);
    await expectRejected(page, fqdn, "-backend-1.example.com", /hyphen/);
    await expectRejected(page, fqdn, `${"a".repeat(64)}.example.com`, /63/);
    await expectRejected(
      page,
      b1.getByLabel("Additional names"),
      `localhost, ${Array(64).fill("abcd").join(".")}`,
      /253/,
    );
    await expectRejected(page, b1.getByLabel("IP addresses"), "555.1.1.1", /555 is over 255/);
    await expectRejected(page, b1.getByLabel("IP addresses"), "10.0.0", /four numbers/);
    await expectRejected(page, b1.getByLabel("Additional names"), "localhost, 10.0.0", /10\.0\.0/);
    await expectRejected(page, b2.getByLabel("Unqualified name"), "backend-1", /already used by backend-1/);
    await expectRejected(
      page,
      b2.getByLabel("Fully qualified domain name (FQDN)"),
      "backend-1.example.com",
      /already used/,
    );
    const validity = page.getByLabel("Validity of backend certificates");
    await expectRejected(page, validity, "0", /at least 1/);
    await expectRejected(page, validity, "-4320", /negative/);
    await expectRejected(page, validity, "6 months", /whole number/);
    await expectRejected(page, validity, "50000", /after the CA expires/);
  });

  await test.step("Removing localhost warns without blocking", async () => {
    const extra = backend(page, 3).getByLabel("Additional names");
    await extra.fill("::1");
    await expect.poll(() => describedBy(extra)).toMatch(/Without localhost, 127\.0\.0\.1/);
    await expect(page.getByRole("link", { name: /^Next/ })).toBeVisible();
    await extra.fill("localhost, 127.0.0.1, ::1");
  });

  await test.step("Agent certificates: duplicate and over-long CNs, bad validity", async () => {
    await page.goto("/agents");
    await page.getByRole("button", { name: "+ Add an agent certificate" }).click();
    const second = page.getByLabel("Agent certificate 2: common name");
    await second.fill("webservers");
    await expectRejected(page, second, "agent", /already named "agent"/);
    await expectRejected(page, second, "a".repeat(65), /64/);
    await expectRejected(page, page.getByLabel("Validity of agent certificates"), "abc", /whole number/);
  });

  await test.step("Download is withheld while any step has errors, and names the steps", async () => {
    await page.goto("/backends");
    await backend(page, 2).getByLabel("IP addresses").fill("555.1.1.1");
    await page.getByRole("link", { name: /Review and download/ }).click();
    await expect(page.getByText("Some steps need attention")).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Backend certificates" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Generate/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Download/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Backend certificates \(has errors\)/ })).toBeVisible();
  });

  await test.step("Everything else typed is still there", async () => {
    await page.getByRole("main").getByRole("link", { name: "Backend certificates" }).click();
    await expect(backend(page, 2).getByLabel("IP addresses")).toHaveValue("555.1.1.1");
    await expect(backend(page, 3).getByLabel("Additional names")).toHaveValue("localhost, 127.0.0.1, ::1");
    await page.goto("/agents");
    await expect(page.getByLabel("Agent certificate 2: common name")).toHaveValue("webservers");
  });
});

test("editing an input after generating discards the bundle, so nothing stale is offered", async ({ page }) => {
  await page.goto("/plan");
  await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
  await page.goto("/download");
  await page.getByRole("button", { name: "Generate keys and certificates" }).click();
  await expect(page.getByRole("button", { name: /^Download/ })).toBeVisible();
  await page.getByRole("link", { name: /Agent certificates/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "has not been downloaded yet" })).toBeVisible();
  await page.getByLabel("Agent certificate 1: common name").fill("agent-2");
  await expect(page.getByRole("status").filter({ hasText: "has not been downloaded yet" })).toHaveCount(0);
  await page.getByRole("link", { name: /Review and download/ }).click();
  await expect(page.getByRole("button", { name: /^Download/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Generate keys and certificates" })).toBeEnabled();
});

test("discarding keys that were not downloaded asks first", async ({ page }) => {
  await page.goto("/plan");
  await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
  await page.goto("/download");
  await page.getByRole("button", { name: "Generate keys and certificates" }).click();
  const discard = page.getByRole("button", { name: "Discard keys" });
  page.once("dialog", (d) => d.dismiss());
  await discard.click();
  await expect(page.getByRole("button", { name: /^Download/ })).toBeVisible();
  page.once("dialog", (d) => d.accept());
  await discard.click();
  await expect(page.getByRole("button", { name: /^Download/ })).toHaveCount(0);
});
