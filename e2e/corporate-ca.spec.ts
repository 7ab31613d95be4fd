import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect, test } from "@playwright/test";

import { openssl, unzipDownload } from "./support/bundle-files";

test("an operator has the organization's CA sign the requests, then deploys what came back", async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), "sensu-e2e-corp-"));
  const at = (f: string) => join(dir, f);
  const ok = (args: string[]) => expect(openssl(args).code, args.join(" ")).toBe(0);
  ok(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", at("root-key.pem")]);
  ok([
    "req",
    "-x509",
    "-new",
    "-key",
    at("root-key.pem"),
    "-subj",
    "/CN=Example Corp Root",
    "-days",
    "3650",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
    "-out",
    at("root.pem"),
  ]);
  ok(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", at("issuing-key.pem")]);
  ok(["req", "-new", "-key", at("issuing-key.pem"), "-subj", "/CN=Example Corp Issuing CA", "-out", at("issuing.csr")]);
  writeFileSync(at("ca.ext"), "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n");
  ok([
    "x509",
    "-req",
    "-in",
    at("issuing.csr"),
    "-CA",
    at("root.pem"),
    "-CAkey",
    at("root-key.pem"),
    "-CAcreateserial",
    "-days",
    "1825",
    "-extfile",
    at("ca.ext"),
    "-out",
    at("issuing.pem"),
  ]);

  await test.step("Plan and CA: single layout, the organization's root as the trusted CA", async () => {
    await page.goto("/plan");
    await page.getByRole("radio", { name: /Single CA, as in the guide/ }).check();
    await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
    await page.goto("/ca");
    await page.getByRole("radio", { name: /My organization's CA signs/ }).check();
    await page.getByLabel("Load CA certificate hosts trust from a file").setInputFiles(at("root.pem"));
    await expect(page.getByRole("link", { name: /^Next/ })).toBeVisible();
  });

  const step1 = await test.step("Step 1: keys and certificate requests", async () => {
    await page.getByRole("link", { name: /Review and download/ }).click();
    await expect(page.getByText("Step 1 of 2: keys and certificate requests for your organization's CA")).toBeVisible();
    // Before generating, Review already lists what the zip will hold: a request and a key per certificate.
    await expect(page.getByRole("heading", { name: "Files the keys-and-CSRs zip will hold" })).toBeVisible();
    const files = page.getByRole("region", { name: "Files to keep offline" });
    for (const stem of ["backend-1.example.com", "backend-2.example.com", "backend-3.example.com", "agent"]) {
      await expect(files.getByRole("cell", { name: `csr/${stem}.csr`, exact: true })).toBeVisible();
      await expect(files.getByRole("cell", { name: `csr/${stem}-key.pem`, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("region", { name: /^Files for / })).toHaveCount(0);
    await page.getByRole("button", { name: "Generate keys and certificate requests" }).click();
    const download = page.getByRole("button", { name: /^Download sensu-tls-bundle/ });
    await expect(download).toBeVisible({ timeout: 60_000 });
    const waiting = page.waitForEvent("download");
    await download.click();
    return unzipDownload(await waiting);
  });

  const signed = await test.step("The organization's CA signs each request (leaf, then its chain)", async () => {
    const csrs = readdirSync(step1.path("csr")).filter((f) => f.endsWith(".csr"));
    expect(csrs.sort()).toEqual([
      "agent.csr",
      "backend-1.example.com.csr",
      "backend-2.example.com.csr",
      "backend-3.example.com.csr",
    ]);
    return csrs.map((csr) => {
      const out = at(csr.replace(/\.csr$/, ".crt"));
      ok([
        "x509",
        "-req",
        "-in",
        step1.path(`csr/${csr}`),
        "-CA",
        at("issuing.pem"),
        "-CAkey",
        at("issuing-key.pem"),
        "-CAcreateserial",
        "-days",
        "90",
        "-copy_extensions",
        "copy",
        "-out",
        out,
      ]);
      writeFileSync(out, readFileSync(out, "utf8") + readFileSync(at("issuing.pem"), "utf8"));
      return out;
    });
  });

  await test.step("Step 2: load the zip and the signed certificates; each is checked against its key and request", async () => {
    await page
      .getByRole("link", { name: /Create a CA/ })
      .first()
      .click();
    await page
      .getByLabel("Step 2: load the keys-and-CSRs zip and the signed certificates")
      .setInputFiles([step1.zip, ...signed]);
    const list = page.getByRole("list", { name: "Certificates for the plan" });
    await expect(list.getByText("✓ signed certificate matches its key and request")).toHaveCount(4);
  });

  await test.step("Generate the host bundles: every chain verifies against the organization's root", async () => {
    await page.getByRole("link", { name: /Review and download/ }).click();
    await page.getByRole("button", { name: "Generate keys and certificates" }).click();
    const download = page.getByRole("button", { name: /^Download sensu-tls-bundle/ });
    await expect(download).toBeVisible({ timeout: 60_000 });
    await expect(page.locator("tbody tr").filter({ hasText: "Fails" })).toHaveCount(0);
    const waiting = page.waitForEvent("download");
    await download.click();
    const bundle = await unzipDownload(await waiting);
    const cert = bundle.path("backends/backend-1/etc/sensu/tls/backend-1.example.com.pem");
    const r = openssl([
      "verify",
      "-purpose",
      "sslserver",
      "-CAfile",
      bundle.path("ca/ca.pem"),
      "-untrusted",
      cert,
      cert,
    ]);
    expect(r.code, r.out).toBe(0);
    expect(readFileSync(bundle.path("ca/ca.pem"), "utf8")).toContain(readFileSync(at("root.pem"), "utf8").trim());
  });
});
