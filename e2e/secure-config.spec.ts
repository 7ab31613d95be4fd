import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { expect, test } from "@playwright/test";

import {
  type Cluster,
  etcdctl,
  etcdFlagsFromBackendYml,
  type Member,
  startCluster,
  waitHealthy,
} from "../lib/bundle/etcd-cluster.test-helper";
import { parseConfig } from "../lib/sensu/yaml";
import { unzipDownload } from "./support/bundle-files";
import { backend, expectRejected, generate, next } from "./support/wizard";

test("the config steps refuse what would break a connection, at the field, and keep the rest", async ({ page }) => {
  await test.step("Plan: a relative certificate directory", async () => {
    await page.goto("/plan");
    await expectRejected(
      page,
      page.getByLabel("Certificate directory on every host"),
      "etc/sensu/tls",
      /relative: start it with \//,
    );
    await expectRejected(page, page.getByLabel("Certificate directory on every host"), "/etc/sensu tls", /space/);
  });

  await test.step("etcd: a duplicate member name and a bad token", async () => {
    await page.goto("/backends");
    await backend(page, 2).getByLabel("Unqualified name").fill("backend-1");
    await page.getByRole("link", { name: /etcd peer communication/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: /Two members are named "backend-1"/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Next/ })).toBeDisabled();
    await page.goto("/backends");
    await backend(page, 2).getByLabel("Unqualified name").fill("backend-2");
    await page.goto("/etcd");
    await expectRejected(page, page.getByLabel("Initial cluster token"), "my cluster!", /letters, digits/);
  });

  await test.step("API: an api-url host no certificate names, a relative web UI certificate path", async () => {
    await page.goto("/api");
    await expectRejected(
      page,
      page.getByLabel("Host in api-url"),
      "sensu-api.example.com",
      /The certificate of backend-1, backend-2, backend-3 does not name sensu-api\.example\.com/,
    );
    await page.getByRole("radio", { name: /A certificate you already have/ }).check();
    await expect(page.getByLabel("Certificate path on the backends")).toHaveAttribute("aria-invalid", "true"); // empty: asks for it
    await page.getByLabel("Certificate path on the backends").fill("/etc/ssl/web/cert.pem");
    await page.getByLabel("Private key path on the backends").fill("/etc/ssl/web/key.pem");
    await expectRejected(page, page.getByLabel("Certificate path on the backends"), "web/cert.pem", /relative/);
  });

  await test.step("Agent-to-server: a backend host its certificate does not name", async () => {
    await page.goto("/agent-transport");
    await expectRejected(
      page,
      page.getByLabel("Host for backend-2"),
      "sensu.example.org",
      /sensu\.example\.org is not in backend-2's certificate \(backend-2\.example\.com, backend-2, 10\.0\.0\.2, localhost, 127\.0\.0\.1, ::1\)/,
    );
  });

  await test.step("Switching to a release without the revocation setting drops it with a notice", async () => {
    await page.goto("/revocation");
    await page.getByRole("radio", { name: /^false/ }).check();
    await page.goto("/plan");
    await page.getByRole("radio", { name: /6\.0 – 6\.3/ }).check();
    await expect(
      page.getByText(
        /Sensu 6\.0 – 6\.3 has no enable-cert-revocation-check, so your revocation setting \("off"\) was dropped/,
      ),
    ).toBeVisible();
    await page.goto("/revocation");
    await expect(page.getByText(/has no enable-cert-revocation-check setting/)).toBeVisible();
    await expect(page.getByRole("figure")).toHaveCount(0);
  });

  await test.step("Everything else typed is still there", async () => {
    await page.goto("/api");
    await expect(page.getByLabel("Private key path on the backends")).toHaveValue("/etc/ssl/web/key.pem");
    await expect(page.getByRole("radio", { name: /A certificate you already have/ })).toBeChecked();
  });
});

test("a loopback cluster: the downloaded backend.yml files start a real etcd cluster over TLS", async ({ page }) => {
  test.setTimeout(120_000);
  let cluster: Cluster | undefined;
  try {
    await test.step("Backends on 127.0.0.1–3, P-256 keys", async () => {
      await page.goto("/plan");
      await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
      await page.goto("/backends");
      for (const n of [1, 2, 3]) await backend(page, n).getByLabel("IP addresses").fill(`127.0.0.${n}`);
      await next(page, "Agent certificates");
      await next(page, "etcd peer communication");
      await expect(page.getByText("peer https://127.0.0.3:2380 · client https://127.0.0.3:2379")).toBeVisible();
    });

    const { path, dir } = await test.step("Generate and download", async () => {
      await page.goto("/download");
      const button = await generate(page);
      const waiting = page.waitForEvent("download");
      await button.click();
      return unzipDownload(await waiting);
    });

    await test.step("etcd started from exactly the etcd-* values of each backend.yml becomes healthy", async () => {
      const members = [1, 2, 3].map((n): Member => {
        const host = path(`backends/backend-${n}`);
        const config = parseConfig(readFileSync(join(host, "etc/sensu/backend.yml"), "utf8"));
        return {
          name: `backend-${n}`,
          flags: etcdFlagsFromBackendYml(config, (p) => join(host, p)),
          clientUrl: (config["etcd-advertise-client-urls"] as string[])[0]!,
        };
      });
      cluster = startCluster(dir, members);
      const ca = path("backends/backend-1/etc/sensu/tls/ca.pem");
      const b1 = {
        cert: path("backends/backend-1/etc/sensu/tls/backend-1.example.com.pem"),
        key: path("backends/backend-1/etc/sensu/tls/backend-1.example.com-key.pem"),
      };
      const health = await waitHealthy(cluster.endpoints, ca, b1, 3);
      expect((health.out.match(/is healthy/g) ?? []).length, health.out).toBe(3);
      // A refusal counts only with etcd's TLS reason in its log, and while a backend certificate still works.
      const log = () =>
        readdirSync(cluster!.logs)
          .map((f) => readFileSync(join(cluster!.logs, f), "utf8"))
          .join("\n");
      const refused = async (client: { cert: string; key: string } | null, reason: RegExp) => {
        expect(etcdctl(cluster!.endpoints, ca, client, ["get", "x"]).code).not.toBe(0);
        await expect.poll(log, { timeout: 5_000 }).toMatch(reason);
        expect(etcdctl(cluster!.endpoints, ca, b1, ["get", "x"]).code, "a backend certificate is served").toBe(0);
      };
      await refused(null, /rejected connection.*(didn't provide a certificate|certificate required)/);
      const agent = {
        cert: path("agents/agent/etc/sensu/tls/agent.pem"),
        key: path("agents/agent/etc/sensu/tls/agent-key.pem"),
      };
      await refused(agent, /rejected connection.*unknown authority/);
    });
  } finally {
    await cluster?.stop();
  }
});
