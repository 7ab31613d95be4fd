import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

import { type Download, expect, test } from "@playwright/test";

import { keyExists } from "../lib/sensu/key-catalog";
import { parseConfig } from "../lib/sensu/yaml";
import { openssl, run, unzipDownload } from "./support/bundle-files";
import { backend, generate, next, watchConsole } from "./support/wizard";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
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
    await expect(page.getByRole("radio", { name: /6\.12 and later/ })).toBeChecked();
    await expect(page.getByLabel("Certificate directory on every host")).toHaveValue("/etc/sensu/tls");
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
      await expect(backend(page, n).getByLabel("Fully qualified domain name (FQDN)")).toHaveValue(
        `backend-${n}.example.com`,
      );
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

  const yaml = (host: string) =>
    page
      .getByRole("figure")
      .filter({ hasText: `on ${host}` })
      .first()
      .locator("code");

  await test.step("etcd: https member URLs on the node IPs, client and peer certificate auth", async () => {
    await expect(page.getByText("Sensu 7 (not yet released) drops etcd")).toBeVisible();
    await expect(page.getByText("peer https://10.0.0.2:2380 · client https://10.0.0.2:2379")).toBeVisible();
    const b1 = yaml("backend-1");
    await expect(b1).toContainText(
      'etcd-initial-cluster: "backend-1=https://10.0.0.1:2380,backend-2=https://10.0.0.2:2380,backend-3=https://10.0.0.3:2380"',
    );
    await expect(b1).toContainText("etcd-peer-client-cert-auth: true");
    await expect(b1).not.toContainText("http://");
    await next(page, "API and web UI");
  });

  await test.step("API and web UI: https api-url on localhost, a web UI certificate issued here", async () => {
    await page.getByText("backend-2: /etc/sensu/backend.yml").click(); // folded until opened
    await expect(yaml("backend-2")).toContainText('api-url: "https://localhost:8080"');
    await expect(yaml("backend-2")).toContainText("insecure-skip-tls-verify: false");
    await page.getByRole("radio", { name: /Its own certificate, issued here/ }).check();
    await expect(page.getByLabel("Web UI names")).toHaveValue("sensu.example.com");
    await expect(yaml("backend-1")).toContainText('dashboard-cert-file: "/etc/sensu/tls/dashboard.pem"');
    await next(page, "Agent-to-server communication");
  });

  await test.step("Agent-to-server: wss to every member, and sensuctl over https", async () => {
    const agentYaml = yaml("agent");
    for (const n of [1, 2, 3]) await expect(agentYaml).toContainText(`- "wss://backend-${n}.example.com:8081"`);
    await expect(page.getByRole("figure").filter({ hasText: "sensuctl configure" })).toContainText(
      "sensuctl configure --url https://backend-1.example.com:8080 --trusted-ca-file /etc/sensu/tls/ca.pem",
    );
    await next(page, "Agent mTLS authentication");
  });

  await test.step("Agent mTLS: a commercial feature, the backend's own server certificate, users per CN", async () => {
    await expect(page.getByText("Commercial feature", { exact: true })).toBeVisible();
    await expect(yaml("backend-1")).toContainText('agent-auth-cert-file: "/etc/sensu/tls/backend-1.example.com.pem"');
    await expect(yaml("backend-1")).toContainText('agent-auth-trusted-ca-file: "/etc/sensu/tls/agent-ca.pem"');
    await page.getByRole("radio", { name: /A user per CN/ }).check();
    await expect(page.getByRole("figure").filter({ hasText: "sensuctl commands" })).toContainText(
      "sensuctl cluster-role-binding delete system:agent",
    );
    await next(page, "Certificate revocation");
  });

  await test.step("Revocation: written explicitly on 6.12", async () => {
    await expect(yaml("backend-1")).toContainText("enable-cert-revocation-check: true");
    await next(page, "Dynamic runtime assets and sudo");
    await next(page, "Install CA certificates");
  });

  await test.step("Install CA certificates: a command per platform with the bundle's file names", async () => {
    await expect(page.getByRole("figure").filter({ hasText: "Ubuntu / Debian commands" })).toContainText(
      "sudo cp /etc/sensu/tls/ca.pem /usr/local/share/ca-certificates/sensu-ca.crt",
    );
    await expect(page.getByRole("figure").filter({ hasText: "macOS commands" })).toContainText(
      "security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ca/ca.pem",
    );
    await expect(page.getByRole("figure").filter({ hasText: "Windows" })).toContainText("Cert:\\LocalMachine\\Root");
    await next(page, "Renew certificates");
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
    await expect(
      page.getByRole("img", { name: "Connections between the operator, the backends and the agents" }),
    ).toBeVisible();
    const peers = page.getByRole("table", { name: /etcd peers/ });
    await expect(peers.getByRole("row", { name: /backend-3 → backend-1/ })).toContainText("OK");
    await expect(page.locator("tbody tr").filter({ hasText: "Fails" })).toHaveCount(0);
    const waiting = page.waitForEvent("download");
    await button.click();
    download = await waiting;
    expect(download.suggestedFilename()).toMatch(/^sensu-tls-bundle-\d{4}-\d{2}-\d{2}\.zip$/);
  });

  await test.step("The zip matches the file table on screen, modes included", async () => {
    const rows = page.locator("tr[data-path]");
    const onScreen = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute("data-path"), tr.children[2]?.textContent]),
    );
    const { dir, path, mode } = await unzipDownload(download);
    const inZip = filesUnder(join(dir, "files"))
      .map((f) => relative(join(dir, "files"), f))
      .sort();
    expect(inZip).toEqual(onScreen.map(([p]) => p).sort());
    for (const [p, m] of onScreen) expect(`0${mode(p!).toString(8)}`).toBe(m);
    expect(inZip.filter((p) => p.endsWith("ca-key.pem")).every((p) => p.startsWith("ca/"))).toBe(true);
    const readme = readFileSync(path("README.md"), "utf8");
    for (const p of inZip) expect(readme).toContain(p);

    for (const n of [1, 2, 3]) {
      const cert = path(`backends/backend-${n}/etc/sensu/tls/backend-${n}.example.com.pem`);
      for (const purpose of ["sslserver", "sslclient"]) {
        const r = openssl([
          "verify",
          "-x509_strict",
          "-purpose",
          purpose,
          "-CAfile",
          path(`backends/backend-${n}/etc/sensu/tls/ca.pem`),
          cert,
        ]);
        expect(r.code, r.out).toBe(0);
      }
      expect(openssl(["x509", "-noout", "-checkip", `10.0.0.${n}`, "-in", cert]).out).toContain("does match");
    }
    const agent = openssl([
      "verify",
      "-x509_strict",
      "-purpose",
      "sslclient",
      "-CAfile",
      path("ca/agent-ca.pem"),
      path("agents/agent/etc/sensu/tls/agent.pem"),
    ]);
    expect(agent.code, agent.out).toBe(0);
    const web = path("backends/backend-1/etc/sensu/tls/dashboard.pem");
    expect(openssl(["verify", "-purpose", "sslserver", "-CAfile", path("ca/ca.pem"), web]).code).toBe(0);
    expect(openssl(["x509", "-noout", "-checkhost", "sensu.example.com", "-in", web]).out).toContain("does match");
  });

  await test.step("Each backend's install.sh and backend.yml work: shellcheck, and a scratch-root install", async () => {
    const { dir, path } = await unzipDownload(download);
    for (const host of ["backends/backend-1", "backends/backend-2", "backends/backend-3", "agents/agent"]) {
      expect(run("shellcheck", [path(`${host}/install.sh`)]).code).toBe(0);
    }
    const config = parseConfig(readFileSync(path("backends/backend-2/etc/sensu/backend.yml"), "utf8"));
    expect(config["etcd-name"]).toBe("backend-2");
    expect(config["dashboard-key-file"]).toBe("/etc/sensu/tls/dashboard-key.pem");
    for (const key of Object.keys(config)) expect(keyExists("backend", key, "6.12+"), key).toBe(true);
    const root = join(dir, "root");
    mkdirSync(join(root, "etc/sensu"), { recursive: true });
    writeFileSync(join(root, "etc/sensu/backend.yml"), "log-level: warn\ncert-file: /old.pem\n");
    const install = run("bash", [path("backends/backend-2/install.sh")], { SENSU_INSTALL_ROOT: root });
    expect(install.code, install.out).toBe(0);
    const merged = parseConfig(readFileSync(join(root, "etc/sensu/backend.yml"), "utf8"));
    expect(merged["log-level"]).toBe("warn");
    expect(merged["cert-file"]).toBe("/etc/sensu/tls/backend-2.example.com.pem");
    const users = readFileSync(path("operator/agent-users.yml"), "utf8");
    expect(users).toContain('username: "agent"');
  });

  expect(problems).toEqual([]);
});
