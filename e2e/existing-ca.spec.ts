import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect, type Page, test } from "@playwright/test";

import { openssl, unzipDownload } from "./support/bundle-files";
import { describedBy, generate } from "./support/wizard";

/** Client-side navigation: a reload would drop the CA key, which lives in this tab's memory only. */
async function downloadBundle(page: Page) {
  await page.getByRole("link", { name: /Review and download/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review and download" })).toBeVisible();
  const button = await generate(page);
  const waiting = page.waitForEvent("download");
  await button.click();
  return unzipDownload(await waiting);
}

test("an operator renews with the CA openssl made: the new leaves chain to it", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "sensu-e2e-ca-"));
  const ca = join(dir, "ca.pem");
  const key = join(dir, "ca-key.pem");
  expect(openssl(["genrsa", "-traditional", "-out", key, "2048"]).code).toBe(0);
  expect(
    openssl([
      "req",
      "-x509",
      "-new",
      "-key",
      key,
      "-subj",
      "/CN=Corp Sensu CA",
      "-days",
      "3650",
      "-sha256",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
      "-out",
      ca,
    ]).code,
  ).toBe(0);

  await test.step("Plan: single CA layout, P-256 leaves", async () => {
    await page.goto("/plan");
    await page.getByRole("radio", { name: /Single CA, as in the guide/ }).check();
    await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
  });

  await test.step("Create a CA: a key that is not the CA's is refused at the key field", async () => {
    await page.goto("/ca");
    await page.getByRole("radio", { name: /Use an existing CA/ }).check();
    await page.getByLabel("Load CA certificate from a file").setInputFiles(ca);
    const other = join(dir, "other-key.pem");
    openssl(["genrsa", "-traditional", "-out", other, "2048"]);
    await page.getByLabel("Load CA private key from a file").setInputFiles(other);
    const keyField = page.getByRole("textbox", { name: "CA private key" });
    // The field is already invalid while empty; the mismatch message arrives once the check has run.
    await expect.poll(() => describedBy(keyField)).toMatch(/does not belong to "CN=Corp Sensu CA"/);
    await expect(keyField).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("button", { name: /^Next/ })).toBeDisabled();
  });

  await test.step("The right key: the CA is checked and named; a reload forgets the key and asks for it", async () => {
    await page.getByLabel("Load CA private key from a file").setInputFiles(key);
    await expect(page.getByRole("status").filter({ hasText: "“Corp Sensu CA”, RSA 2048" })).toBeVisible();
    await page.reload();
    const keyField = page.getByRole("textbox", { name: "CA private key" });
    await expect(keyField).toHaveValue("");
    await expect.poll(() => describedBy(keyField)).toMatch(/never saved, so load it again after a reload/);
    await page.getByLabel("Load CA private key from a file").setInputFiles(key);
    await expect(page.getByRole("status").filter({ hasText: "“Corp Sensu CA”, RSA 2048" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Next/ })).toBeVisible();
  });

  const bundle = await test.step("Generate and download", () => downloadBundle(page));

  await test.step("Every leaf verifies against the imported CA; its key is not in the zip", async () => {
    for (const [leaf, purpose] of [
      ["backends/backend-1/etc/sensu/tls/backend-1.example.com.pem", "sslserver"],
      ["agents/agent/etc/sensu/tls/agent.pem", "sslclient"],
    ] as const) {
      const r = openssl(["verify", "-x509_strict", "-purpose", purpose, "-CAfile", ca, bundle.path(leaf)]);
      expect(r.code, r.out).toBe(0);
    }
    expect(() => readFileSync(bundle.path("ca/ca-key.pem"))).toThrow();
    expect(readFileSync(bundle.path("README.md"), "utf8")).toContain('Issued by your existing CA "Corp Sensu CA"');
  });

  await test.step("Revoke the first bundle's agent certificate: the signed CRL rejects it", async () => {
    await page.getByRole("link", { name: /Certificate revocation/ }).click();
    await page
      .getByLabel("Or load the certificates to revoke (PEM)")
      .setInputFiles(bundle.path("agents/agent/etc/sensu/tls/agent.pem"));
    await expect(page.getByText(/Added: CN=agent \(serial/)).toBeVisible();
    const url = page.getByLabel("URL the list is served at");
    await url.fill("pki.example.com/ca.crl");
    await expect.poll(() => describedBy(url)).toMatch(/not a URL/);
    await url.fill("http://pki.example.com/ca.crl");
    await expect(page.getByRole("figure").filter({ hasText: "on backend-1" }).locator("code")).toContainText(
      'agent-auth-crl-urls:\n  - "http://pki.example.com/ca.crl"',
    );
    const revoked = await downloadBundle(page);
    const crl = revoked.path("ca/ca.crl");
    expect(openssl(["crl", "-verify", "-noout", "-CAfile", ca, "-in", crl]).out).toContain("verify OK");
    const old = openssl([
      "verify",
      "-crl_check",
      "-CAfile",
      ca,
      "-CRLfile",
      crl,
      bundle.path("agents/agent/etc/sensu/tls/agent.pem"),
    ]);
    expect(old.out).toContain("certificate revoked");
    expect(
      openssl([
        "verify",
        "-crl_check",
        "-CAfile",
        ca,
        "-CRLfile",
        crl,
        revoked.path("agents/agent/etc/sensu/tls/agent.pem"),
      ]).code,
    ).toBe(0);
  });

  await test.step("A year later: the plan file restores everything, and the same CA renews", async () => {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto("/plan");
    const garbage = join(dir, "not-a-plan.json");
    writeFileSync(garbage, JSON.stringify({ kind: "sensu-tls-wizard-plan", version: 9 }));
    await page.getByLabel(/Load the sensu-tls-plan\.json/).setInputFiles(garbage);
    await expect(page.getByRole("alert").filter({ hasText: "made by a newer wizard" })).toBeVisible();
    await page.getByLabel(/Load the sensu-tls-plan\.json/).setInputFiles(bundle.path("sensu-tls-plan.json"));
    await expect(page.getByText(/Loaded sensu-tls-plan\.json: 3 backends, 1 agent certificates/)).toBeVisible();
    await expect(page.getByRole("radio", { name: /Single CA, as in the guide/ })).toBeChecked();
    await page.getByRole("link", { name: /^Next: Create a CA/ }).click();
    await expect(page.getByRole("radio", { name: /Use an existing CA/ })).toBeChecked();
    await expect(page.getByRole("textbox", { name: "CA certificate" })).toHaveValue(/BEGIN CERTIFICATE/);
    await expect(page.getByRole("textbox", { name: "CA private key" })).toHaveValue("");
    await page.getByLabel("Load CA private key from a file").setInputFiles(key);
    await expect(page.getByRole("status").filter({ hasText: "“Corp Sensu CA”" })).toBeVisible();
    const renewed = await downloadBundle(page);
    const r = openssl([
      "verify",
      "-x509_strict",
      "-purpose",
      "sslserver",
      "-CAfile",
      ca,
      renewed.path("backends/backend-3/etc/sensu/tls/backend-3.example.com.pem"),
    ]);
    expect(r.code, r.out).toBe(0);
  });
});
