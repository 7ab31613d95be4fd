import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type Download, expect, test } from "@playwright/test";
import { openssl, unzipDownload } from "./support/bundle-files";
import { backend, generate, next, watchConsole } from "./support/wizard";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

test("an operator sets up the guide's three backends and one agent, and deploys the zip", async ({ page }) => {
  const problems = watchConsole(page);

  await test.step("Start", async () => {
    await page.goto("/");
    await page.getByRole("link", { name: /Start: Plan/ }).click();
    await expect(page).toHaveURL(/\/plan$/);
  });

  await test.step("Plan: the guide's cluster, separate agent CA, RSA 2048", async () => {
    await expect(page.getByLabel("Number of backends")).toHaveValue("3");
    await expect(page.getByRole("radio", { name: /Separate agent CA/ })).toBeChecked();
    await expect(page.getByRole("radio", { name: /RSA 2048/ })).toBeChecked();
    await expect(page.getByRole("radio", { name: /6\.4 and later/ })).toBeChecked();
    await next(page, "Create a CA");
  });

  await test.step("Create a CA: the guide's name, five years, and the cfssl profiles", async () => {
    await expect(page.getByLabel("CA common name", { exact: true })).toHaveValue("Sensu Test CA");
    await expect(page.getByLabel("Validity", { exact: true })).toHaveValue("5");
    const config = page.getByRole("figure").filter({ hasText: "ca-config.json" });
    await expect(config).toContainText('"server auth"');
    await expect(config).toContainText('"4320h"');
    await next(page, "Backend certificates");
  });

  await test.step("Backend certificates: the guide's table, CN always a SAN", async () => {
    for (const n of [1, 2, 3]) {
      await expect(backend(page, n).getByLabel("Fully qualified domain name (FQDN)")).toHaveValue(`backend-${n}.example.com`);
      await expect(backend(page, n).getByLabel("IP addresses")).toHaveValue(`10.0.0.${n}`);
    }
    const names = page.getByRole("list", { name: "Names in the certificate of backend-1" });
    await expect(names).toContainText("backend-1.example.com (CN)");
    await expect(names).toContainText("::1");
    await next(page, "Agent certificates");
  });

  await test.step("Agent certificates: one agent, no SANs", async () => {
    await expect(page.getByLabel("Agent certificate 1: common name")).toHaveValue("agent");
    await next(page, "etcd peer communication");
  });

  await test.step("Sections not built yet say so and can be passed", async () => {
    for (const title of ["API and web UI", "Agent-to-server communication", "Agent mTLS authentication", "Certificate revocation", "Dynamic runtime assets and sudo", "Install CA certificates", "Renew certificates"]) {
      await expect(page.getByRole("main").getByText("Not available yet")).toBeVisible();
      await next(page, title);
    }
    await next(page, "Review and download");
  });

  const requestsDuringGeneration: string[] = [];
  let download!: Download;
  await test.step("Review and download: generate in the browser without a single request", async () => {
    await expect(page.getByRole("region", { name: "Files to keep offline" })).toContainText("ca/ca-key.pem");
    page.on("request", (r) => requestsDuringGeneration.push(r.url()));
    const button = await generate(page);
    expect(requestsDuringGeneration).toEqual([]);
    await expect(page.getByText(/Bundle ready/)).toBeVisible();
    const waiting = page.waitForEvent("download");
    await button.click();
    download = await waiting;
    expect(download.suggestedFilename()).toMatch(/^sensu-tls-bundle-\d{4}-\d{2}-\d{2}\.zip$/);
  });

  await test.step("The zip matches the file table on screen, modes included", async () => {
    const rows = page.locator("tr[data-path]");
    const onScreen = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-path"), tr.children[2]?.textContent]));
    const { dir, path, mode } = await unzipDownload(download);
    const inZip = filesUnder(join(dir, "files")).map((f) => relative(join(dir, "files"), f)).sort();
    expect(inZip).toEqual(onScreen.map(([p]) => p).sort());
    for (const [p, m] of onScreen) expect(`0${mode(p!).toString(8)}`).toBe(m);
    expect(inZip.filter((p) => p.endsWith("ca-key.pem")).every((p) => p.startsWith("ca/"))).toBe(true);
    const readme = readFileSync(path("README.md"), "utf8");
    for (const p of inZip) expect(readme).toContain(p);

    for (const n of [1, 2, 3]) {
      const cert = path(`backends/backend-${n}/etc/sensu/tls/backend-${n}.example.com.pem`);
      for (const purpose of ["sslserver", "sslclient"]) {
        const r = openssl(["verify", "-x509_strict", "-purpose", purpose, "-CAfile", path(`backends/backend-${n}/etc/sensu/tls/ca.pem`), cert]);
        expect(r.code, r.out).toBe(0);
      }
      expect(openssl(["x509", "-noout", "-checkip", `10.0.0.${n}`, "-in", cert]).out).toContain("does match");
    }
    const agent = openssl(["verify", "-x509_strict", "-purpose", "sslclient", "-CAfile", path("ca/agent-ca.pem"), path("agents/agent/etc/sensu/tls/agent.pem")]);
    expect(agent.code, agent.out).toBe(0);
  });

  expect(problems).toEqual([]);
});
