import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

import { type Download, expect, type Page, test } from "@playwright/test";

import { unzipDownload } from "./support/bundle-files";
import { describedBy, generate, next, watchConsole } from "./support/wizard";

/** A fresh certificate that ends in `days` days, made by openssl, as an operator's other PEM might be. */
function opensslCertificate(commonName: string, days: number): string {
  const args = [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-keyout",
    "/dev/null",
    "-days",
    String(days),
    "-subj",
    `/CN=${commonName}`,
  ];
  return execFileSync("openssl", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe's WCAG 2.1 A/AA rules on the page as it is now (the accessibility spec sees the step empty). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

const daysLeft = (text: string) => Number(/(\d+) days? left/.exec(text)?.[1] ?? Number.NaN);

test("an operator sets expiry alerts, downloads the bundle and reads every certificate's expiry back from it", async ({
  page,
}) => {
  const problems = watchConsole(page);
  const warning = page.getByLabel("Warning threshold");
  const critical = page.getByLabel("Critical threshold");
  const checksYaml = page.getByRole("figure").filter({ hasText: "monitoring/expiry-checks.yaml" });

  await test.step("Plan: ECDSA P-256 keys, for a quick generation", async () => {
    await page.goto("/plan");
    await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
    await expect(page.getByRole("radio", { name: /ECDSA P-256/ })).toBeChecked();
  });

  await test.step("Renew: bad thresholds get a message at their field and block Next", async () => {
    await page
      .getByRole("navigation", { name: "Wizard steps" })
      .getByRole("link", { name: /Renew certificates/ })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Renew certificates" })).toBeVisible();
    await expect(warning).toHaveValue("30");
    await expect(critical).toHaveValue("7");
    await warning.fill("thirty");
    await expect(warning).toHaveAttribute("aria-invalid", "true");
    await expect.poll(() => describedBy(warning)).toMatch(/warning threshold in days must be a whole number/);
    await expect(page.getByRole("button", { name: /^Next/ })).toBeDisabled();
    await warning.fill("45");
    await critical.fill("60");
    await expect(critical).toHaveAttribute("aria-invalid", "true");
    await expect
      .poll(() => describedBy(critical))
      .toMatch(/critical threshold \(60 days\) must be fewer days than the warning threshold \(45 days\)/);
    await expect(page.getByRole("button", { name: /^Next/ })).toBeDisabled();
    await expect(checksYaml).toHaveCount(0);
  });

  await test.step("Renew: good thresholds show the checks that alert, their subscriptions and the runbook", async () => {
    await critical.fill("10");
    await expect(critical).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("link", { name: /^Next: Review and download/ })).toBeVisible();
    await expect(page.getByText(/always exits 0/)).toBeVisible();
    await expect(checksYaml).toContainText("name: cert-expiry-backend-1.example.com");
    await expect(checksYaml).toContainText("-checkend 864000");
    await expect(checksYaml).toContainText("expires within 45 days");
    const subscriptions = page.getByRole("table", { name: /Subscriptions the checks use/ });
    await expect(subscriptions.getByRole("row", { name: /sensu-backend/ })).toContainText("cert-expiry-ca");
    await expect(subscriptions.getByRole("row", { name: /agent-cert/ })).toContainText(
      "every agent that got a certificate from this bundle",
    );
    await expect(
      page.getByRole("heading", { name: "3. Backend 1 of 3: backend-1 (backend-1.example.com)" }),
    ).toBeVisible();
    await expect(page.getByRole("figure").filter({ hasText: "Commands: Backend 2 of 3" })).toContainText(
      "sensuctl cluster health",
    );
    await expect(page.getByText("Expired agent certificates fail silently", { exact: false })).toBeVisible();
  });

  let download!: Download;
  await test.step("Review and download: the bundle lists monitoring/ and RENEWAL.md", async () => {
    await next(page, "Review and download");
    for (const path of ["monitoring/expiry-checks.yaml", "monitoring/expiry-checks.json", "RENEWAL.md"])
      await expect(page.locator(`tr[data-path="${path}"]`)).toHaveCount(1);
    const button = await generate(page);
    const waiting = page.waitForEvent("download");
    await button.click();
    download = await waiting;
  });

  let zipPath = "";
  await test.step("The zip's expiry checks carry the thresholds in their command", async () => {
    const { zip, path } = await unzipDownload(download);
    zipPath = zip;
    const yaml = readFileSync(path("monitoring/expiry-checks.yaml"), "utf8");
    expect(
      yaml.match(/command: .*-checkend 864000 .*within 10 days.*-checkend 3888000 .*within 45 days/g),
    ).toHaveLength(6);
    expect(readFileSync(path("RENEWAL.md"), "utf8")).toContain("sensuctl cluster health");
  });

  const list = page.getByRole("list", { name: "Loaded certificates, soonest expiry first" });
  await test.step("Renew: the downloaded zip shows every certificate once, with days left, soonest first", async () => {
    await page
      .getByRole("navigation", { name: "Wizard steps" })
      .getByRole("link", { name: /Renew certificates/ })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Renew certificates" })).toBeVisible();
    await page.getByLabel("Load a bundle zip or certificate files").setInputFiles(zipPath);
    await expect(page.getByRole("list", { name: "Loaded files" })).toContainText("bundle.zip");
    await expect(list.getByRole("listitem")).toHaveCount(6);
    const titles = await list.getByRole("heading", { level: 3 }).allInnerTexts();
    // The leaves (180 days) end together, before the CAs (5 years): sorted within each group.
    const names = titles.map((t) => t.replace(/\s*CA$/, ""));
    expect(names.slice(0, 4).sort()).toEqual([
      "agent",
      "backend-1.example.com",
      "backend-2.example.com",
      "backend-3.example.com",
    ]);
    expect(names.slice(4).sort()).toEqual(["Sensu Agent CA", "Sensu Test CA"]);
    const days = (await list.getByRole("listitem").allInnerTexts()).map(daysLeft);
    expect(days.every((d) => d > 0)).toBe(true);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    const backend = list
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "backend-2.example.com" }) });
    await expect(backend).toContainText("Valid");
    await expect(backend).toContainText("backends/backend-2/etc/sensu/tls/backend-2.example.com.pem");
    await expect(backend).toContainText("backend-2.example.com, backend-2, localhost, 10.0.0.2, 127.0.0.1, ::1");
    await expect(backend).toContainText("serverAuth, clientAuth");
    await expect(
      list.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^Sensu Test CA/ }) }),
    ).toContainText("identical copies");
    await page.getByText("6 private keys left unread").click();
    await expect(page.getByRole("list", { name: "Private keys left unread" })).toContainText("ca/ca-key.pem");
    await expect(page.getByRole("main")).not.toContainText("PRIVATE KEY");
  });

  await test.step("Renew: pasted PEM with garbage is named; a soon-expiring certificate is marked and comes first", async () => {
    const paste = page.getByLabel("Or paste PEM certificates");
    const soon = opensslCertificate("soon.example.com", 10);
    await paste.fill(`${soon}this line is garbage\n`);
    await expect(
      page.getByText(/of the pasted text \("this line is garbage"\) is outside any -----BEGIN/),
    ).toBeVisible();
    await expect(list.getByRole("listitem")).toHaveCount(6);
    await paste.fill(soon);
    await expect(list.getByRole("listitem")).toHaveCount(7);
    const first = list.getByRole("listitem").first();
    await expect(first).toContainText("soon.example.com");
    await expect(first).toContainText("Expires soon");
    await expect(first).toContainText(/(9|10) days left/);
    await expect(page.getByText(/1 expires within 30 days/)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  await test.step("Renew: a file that is not a zip is named, and the rest stays loaded", async () => {
    await page
      .getByLabel("Load a bundle zip or certificate files")
      .setInputFiles({ name: "not-a-bundle.zip", mimeType: "application/zip", buffer: Buffer.from("plain text") });
    await expect(page.getByText(/failed to read not-a-bundle\.zip as a zip/)).toBeVisible();
    await expect(list.getByRole("listitem")).toHaveCount(7);
  });

  expect(problems).toEqual([]);
});
