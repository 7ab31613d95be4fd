import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect, type Page, test } from "@playwright/test";

import { openssl, unzipDownload } from "./support/bundle-files";
import { describedBy, generate } from "./support/wizard";

/** Client-side navigation only: a reload would drop the CA key, which lives in this tab's memory. */
async function downloadBundle(page: Page) {
  await page.getByRole("link", { name: /^Step \d+: Review and download/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review and download" })).toBeVisible();
  const button = await generate(page);
  const waiting = page.waitForEvent("download");
  await button.click();
  return unzipDownload(await waiting);
}

/** The subjects of every certificate in a trust file, in order, as openssl reads them. */
function subjects(file: string): string[] {
  const r = openssl(["storeutl", "-noout", "-text", "-certs", file]);
  expect(r.code, r.out).toBe(0);
  return [...r.out.matchAll(/^\s*Subject: (.*)$/gm)].map((m) => m[1]!.trim());
}

/** Nothing secret in any browser storage: keys live in this tab's memory only. */
async function expectNoKeyStored(page: Page) {
  const stored = await page.evaluate(() =>
    JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)]),
  );
  expect(stored).not.toMatch(/PRIVATE KEY/);
}

const TRUST_FILES = [
  "backends/backend-1/etc/sensu/tls/ca.pem",
  "backends/backend-3/etc/sensu/tls/ca.pem",
  "agents/agent/etc/sensu/tls/ca.pem",
];
const LEAF = "backends/backend-2/etc/sensu/tls/backend-2.example.com.pem";

async function loadPlanFile(page: Page, path: string, phase: number) {
  await page.evaluate(() => sessionStorage.clear());
  await page.goto("/plan");
  await page.getByLabel(/Load the sensu-tls-plan\.json/).setInputFiles(path);
  await expect(page.getByText(new RegExp(`records a CA rotation at phase ${phase}`))).toBeVisible();
  await page.getByRole("link", { name: /^Next: Create a CA/ }).click();
  await expect(page.getByRole("radio", { name: /Use an existing CA/ })).toBeChecked();
}

async function openRenew(page: Page, phaseTitle: string) {
  await page.getByRole("link", { name: /^Step \d+: Renew certificates/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Renew certificates" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Rotate to a new CA key/ })).toBeChecked();
  await expect(page.getByText(phaseTitle, { exact: true })).toBeVisible();
}

test("an operator rotates the CA to a new key in three phases, each from the last one's plan file", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), "sensu-e2e-rotation-"));
  const oldCa = join(dir, "ca.pem");
  const oldKey = join(dir, "ca-key.pem");
  expect(openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", oldKey]).code).toBe(0);
  expect(
    openssl([
      ...["req", "-x509", "-new", "-key", oldKey, "-subj", "/CN=Old Sensu CA", "-days", "3650", "-sha256"],
      ...["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
      ...["-out", oldCa],
    ]).code,
  ).toBe(0);

  await test.step("Plan and CA: single layout, P-256, the CA in use today loaded", async () => {
    await page.goto("/plan");
    await page.getByRole("radio", { name: /Single CA, as in the guide/ }).check();
    await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
    await page.getByRole("link", { name: /^Next: Create a CA/ }).click();
    await page.getByRole("radio", { name: /Use an existing CA/ }).check();
    await page.getByLabel("Load CA certificate from a file").setInputFiles(oldCa);
    await page.getByLabel("Load CA private key from a file").setInputFiles(oldKey);
    await expect(page.getByRole("status").filter({ hasText: "“Old Sensu CA”" })).toBeVisible();
  });

  await test.step("Renew: choose rotate; phase 1 needs a new CA name", async () => {
    await page.getByRole("link", { name: /^Step \d+: Renew certificates/ }).click();
    await expect(page.getByText(/The loaded CA has \d+ days left/)).toBeVisible();
    await page.getByRole("radio", { name: /Rotate to a new CA key/ }).check();
    await expect(page.getByText("Phase 1 of 3: trust both CAs", { exact: true })).toBeVisible();
    const name = page.getByRole("textbox", { name: "New CA name (CN)" });
    await name.fill("Old Sensu CA");
    await expect.poll(() => describedBy(name)).toMatch(/needs a name other than "Old Sensu CA"/);
    await name.fill("New Sensu CA");
    await expect(name).not.toHaveAttribute("aria-invalid", "true");
  });

  const phase1 = await test.step("Phase 1: every trust file holds new + old, leaves still the old CA's", async () => {
    const b = await downloadBundle(page);
    for (const f of [...TRUST_FILES, "ca/ca-trust.pem"])
      expect(subjects(b.path(f)), f).toEqual(["CN=New Sensu CA", "CN=Old Sensu CA"]);
    expect(subjects(b.path("ca/ca.pem"))).toEqual(["CN=New Sensu CA"]);
    const r = openssl(["verify", "-x509_strict", "-CAfile", oldCa, b.path(LEAF)]);
    expect(r.code, r.out).toBe(0);
    await expectNoKeyStored(page);
    return b;
  });

  const phase2 =
    await test.step("Phase 2: from phase 1's plan file; the old CA's key is refused at its field", async () => {
      await loadPlanFile(page, phase1.path("sensu-tls-plan.json"), 1);
      await page.getByLabel("Load CA certificate from a file").setInputFiles(phase1.path("ca/ca.pem"));
      await page.getByLabel("Load CA private key from a file").setInputFiles(oldKey);
      const keyField = page.getByRole("textbox", { name: "CA private key" });
      await expect.poll(() => describedBy(keyField)).toMatch(/does not belong to "CN=New Sensu CA"/);
      await expect(keyField).toHaveAttribute("aria-invalid", "true");
      await page.getByLabel("Load CA private key from a file").setInputFiles(phase1.path("ca/ca-key.pem"));
      await expect(page.getByRole("status").filter({ hasText: "“New Sensu CA”" })).toBeVisible();
      await openRenew(page, "Phase 2 of 3: new certificates from the new CA");
      await expect(page.getByRole("textbox", { name: /Old CA certificate/ })).toHaveValue(/BEGIN CERTIFICATE/);
      const b = await downloadBundle(page);
      for (const f of TRUST_FILES) expect(subjects(b.path(f)), f).toEqual(["CN=New Sensu CA", "CN=Old Sensu CA"]);
      for (const trust of [phase1.path("ca/ca.pem"), phase1.path(TRUST_FILES[0]!)]) {
        const r = openssl(["verify", "-x509_strict", "-CAfile", trust, b.path(LEAF)]);
        expect(r.code, r.out).toBe(0);
      }
      await expectNoKeyStored(page);
      return b;
    });

  await test.step("Phase 3: from phase 2's plan file; only the new CA is trusted", async () => {
    await loadPlanFile(page, phase2.path("sensu-tls-plan.json"), 2);
    await expect(page.getByRole("textbox", { name: "CA certificate" })).toHaveValue(/BEGIN CERTIFICATE/);
    await page.getByLabel("Load CA private key from a file").setInputFiles(phase1.path("ca/ca-key.pem"));
    await expect(page.getByRole("status").filter({ hasText: "“New Sensu CA”" })).toBeVisible();
    await openRenew(page, "Phase 3 of 3: drop the old CA");
    const b = await downloadBundle(page);
    for (const f of TRUST_FILES) expect(subjects(b.path(f)), f).toEqual(["CN=New Sensu CA"]);
    expect(openssl(["verify", "-x509_strict", "-CAfile", b.path(TRUST_FILES[0]!), phase2.path(LEAF)]).code).toBe(0);
    const refused = openssl(["verify", "-x509_strict", "-CAfile", b.path(TRUST_FILES[0]!), phase1.path(LEAF)]);
    expect(refused.code).not.toBe(0);
    for (const plan of [phase1, phase2, b]) {
      expect(readFileSync(plan.path("sensu-tls-plan.json"), "utf8")).not.toMatch(/PRIVATE KEY/);
    }
    await expectNoKeyStored(page);
  });
});

test("an operator renews the CA in place: same name and key, and the old certificates verify against it", async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), "sensu-e2e-renew-ca-"));
  const oldCa = join(dir, "ca.pem");
  const oldKey = join(dir, "ca-key.pem");
  expect(openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", oldKey]).code).toBe(0);
  expect(
    openssl([
      ...["req", "-x509", "-new", "-key", oldKey, "-subj", "/CN=Sensu CA", "-days", "90", "-sha256"],
      ...["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
      ...["-out", oldCa],
    ]).code,
  ).toBe(0);
  await page.goto("/plan");
  await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
  await page.getByRole("link", { name: /^Next: Create a CA/ }).click();
  await page.getByRole("radio", { name: /Use an existing CA/ }).check();
  await page.getByLabel("Load CA certificate from a file").setInputFiles(oldCa);
  await page.getByLabel("Load CA private key from a file").setInputFiles(oldKey);
  await expect(page.getByRole("status").filter({ hasText: "“Sensu CA”" })).toBeVisible();
  const before = await downloadBundle(page);

  await page.getByRole("link", { name: /^Step \d+: Renew certificates/ }).click();
  await expect(page.getByText(/fewer than the \d+ days backend certificates last/)).toBeVisible();
  await page
    .getByRole("region", { name: "The CA itself" })
    .getByRole("radio", { name: /Renew it in place/ })
    .check();
  const renewed = await downloadBundle(page);
  const ca = renewed.path("backends/backend-1/etc/sensu/tls/ca.pem");
  expect(subjects(ca)).toEqual(["CN=Sensu CA"]);
  const pubkey = (f: string) => openssl(["x509", "-noout", "-pubkey", "-in", f]).out;
  expect(pubkey(ca)).toBe(pubkey(oldCa));
  const end = (f: string) => new Date(openssl(["x509", "-noout", "-enddate", "-in", f]).out.replace("notAfter=", ""));
  expect(end(ca).getTime()).toBeGreaterThan(end(oldCa).getTime());
  const r = openssl(["verify", "-x509_strict", "-CAfile", ca, before.path(LEAF)]);
  expect(r.code, r.out).toBe(0);
  expect(() => readFileSync(renewed.path("ca/ca-key.pem"))).toThrow();
  await expectNoKeyStored(page);
});
