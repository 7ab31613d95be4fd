import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import { expect, test } from "@playwright/test";

import { openssl, run, unzipDownload } from "./support/bundle-files";
import { generate } from "./support/wizard";

/** What may differ between two bundles of one plan: keys, serials, dates, fingerprints and random passwords. */
function masked(text: string): string {
  return text
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z/g, "<time>")
    .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g, "<time>")
    .replace(/([0-9A-F]{2}:){31}[0-9A-F]{2}/g, "<fingerprint>")
    .replace(/^([^,\n]+),[0-9a-f]+,<time>,/gm, "$1,<serial>,<time>,")
    .replace(/(cluster_admin_password: !unsafe |password: ")[A-Za-z0-9_-]{43}/g, "$1<password>");
}

const PEM_LIKE = /\.(pem|csr|crl)$/;

/** The command line as `npx sensu-tls` starts it. */
function sensuTls(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(process.cwd(), "scripts/sensu-tls.cjs"), ...args], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

test("the command line makes the wizard's bundle from its plan file: same files, same configs", async ({ page }) => {
  await test.step("Plan: P-256 keys and the Ansible tree", async () => {
    await page.goto("/plan");
    await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
    await page.getByLabel(/Also deploy with Ansible/).check();
  });

  await test.step("Agent certificates: the list loaded from a CSV file", async () => {
    await page.goto("/agents");
    await page.getByText("A fleet: paste or load the list of agents").click();
    await page.getByLabel("Or load a .txt or .csv file").setInputFiles({
      name: "fleet.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("host,cn\nweb-1,webservers\ndb-1,databases\n"),
    });
    await expect(page.getByText("2 agents applied.")).toBeVisible();
    await expect(page.getByLabel("Agent certificate 1: common name")).toHaveValue("webservers");
    await expect(page.getByLabel("Agent certificate 2: common name")).toHaveValue("databases");
  });

  const browser = await test.step("Review and download", async () => {
    await page.goto("/download");
    await expect(page.getByRole("region", { name: "Files for the Ansible controller" })).toContainText(
      "ansible/site.yml",
    );
    const button = await generate(page);
    const waiting = page.waitForEvent("download");
    await button.click();
    return unzipDownload(await waiting);
  });

  const cli = await test.step("sensu-tls bundle from the plan file inside the download", async () => {
    const r = sensuTls(["bundle", "--plan", browser.path("sensu-tls-plan.json"), "--out", "cli.zip"], browser.dir);
    expect(r.code, r.out).toBe(0);
    const zip = join(browser.dir, "cli.zip");
    expect(statSync(zip).mode & 0o777).toBe(0o600);
    const into = join(browser.dir, "cli");
    expect(run("unzip", ["-q", zip, "-d", into]).code).toBe(0);
    return { zip, path: (p: string) => join(into, p) };
  });

  await test.step("The same paths in the same order, and every other file byte for byte once dates are masked", () => {
    const list = (zip: string) => run("unzip", ["-Z1", zip]).out.trim().split("\n");
    const paths = list(browser.zip);
    expect(list(cli.zip)).toEqual(paths);
    expect(paths).toContain("ansible/host_vars/backend-2.yml");
    expect(paths).toContain("agents/databases/etc/sensu/agent.yml");
    const compared = paths.filter((p) => !PEM_LIKE.test(p));
    expect(compared).toEqual(expect.arrayContaining(["README.md", "backends/backend-1/etc/sensu/backend.yml"]));
    for (const p of compared)
      expect(masked(readFileSync(cli.path(p), "utf8")), p).toBe(masked(readFileSync(browser.path(p), "utf8")));
  });

  await test.step("The command line's certificates pass the same openssl checks", () => {
    for (const n of [1, 2, 3]) {
      const cert = cli.path(`backends/backend-${n}/etc/sensu/tls/backend-${n}.example.com.pem`);
      for (const purpose of ["sslserver", "sslclient"]) {
        const r = openssl(["verify", "-x509_strict", "-purpose", purpose, "-CAfile", cli.path("ca/ca.pem"), cert]);
        expect(r.code, r.out).toBe(0);
      }
      expect(openssl(["x509", "-noout", "-checkip", `10.0.0.${n}`, "-in", cert]).out).toContain("does match");
    }
    for (const cn of ["webservers", "databases"]) {
      const cert = cli.path(`agents/${cn}/etc/sensu/tls/agent.pem`);
      const r = openssl([
        "verify",
        "-x509_strict",
        "-purpose",
        "sslclient",
        "-CAfile",
        cli.path("ca/agent-ca.pem"),
        cert,
      ]);
      expect(r.code, r.out).toBe(0);
      expect(openssl(["x509", "-noout", "-subject", "-nameopt", "RFC2253", "-in", cert]).out).toContain(
        `subject=CN=${cn}`,
      );
    }
  });

  await test.step("Each reads the other's work: check and inspect pass on the browser's zip", () => {
    const check = sensuTls(["check", browser.zip], browser.dir);
    expect(check.code, check.out).toBe(0);
    const inspect = sensuTls(["inspect", browser.zip, "--json"], browser.dir);
    expect(inspect.code, inspect.out).toBe(0);
    const report = JSON.parse(inspect.out) as { certificates: unknown[]; keysNotRead: string[] };
    expect(report.certificates).toHaveLength(7);
    expect(report.keysNotRead).toContain("ca/ca-key.pem");
    expect(inspect.out).not.toMatch(/PRIVATE KEY/);
  });
});
