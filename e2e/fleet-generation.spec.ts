import { readdirSync, readFileSync } from "node:fs";

import { expect, test } from "@playwright/test";

import { axeViolations } from "./support/axe";
import { openssl, unzipDownload } from "./support/bundle-files";

const NAMES = Array.from({ length: 1000 }, (_, i) => `agent-${String(i).padStart(4, "0")}`);

test("a fleet of 1,000 agents: generated with progress, grouped on Review, verified, and Cancel keeps nothing", async ({
  page,
}) => {
  test.setTimeout(300_000);
  let zipPath = "";

  await test.step("Plan P-256 keys and load 1,000 agents", async () => {
    await page.goto("/plan");
    await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
    await page.goto("/agents");
    await page.getByText("A fleet: paste or load the list of agents").click();
    await page.getByLabel("Agent names, one per line").fill(NAMES.join("\n"));
    await page.getByRole("button", { name: "Apply the list" }).click();
    await expect(page.getByText("1,000 agents applied.")).toBeVisible();
  });

  await test.step("Review before generating: a few host sections and a search for the rest", async () => {
    await page.goto("/download");
    await expect(page.getByText(/files for 1,00\d hosts; showing 12 of 1,00\d/)).toBeVisible();
    await page.getByLabel("Find a host's files").fill("agent-0999");
    await expect(page.getByRole("region", { name: 'Files for agents using "agent-0999"' })).toBeVisible();
    await page.getByLabel("Find a host's files").fill("");
    // The offline folder holds a CSR per agent: 40 rows until asked for all.
    const offline = page.getByRole("region", { name: "Files to keep offline" });
    await expect(offline.locator("tr[data-path]")).toHaveCount(40);
    await offline.getByRole("button", { name: /^Show all 1,0\d\d$/ }).click();
    await expect(offline.locator('tr[data-path="ca/agent-0999.csr"]')).toHaveCount(1);
  });

  await test.step("Generate: the progress bar moves, and 3,000 agent connections are one line", async () => {
    await page.evaluate(() => {
      const w = window as unknown as { seen: number[] };
      w.seen = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        if (bar) w.seen.push(Number(bar.getAttribute("aria-valuenow")));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole("button", { name: "Generate keys and certificates" }).click();
    await expect(page.getByTestId("generate-rate")).toContainText(/of 1,0\d\d certificates/);
    const download = page.getByRole("button", { name: /^Download sensu-tls-bundle-.*\.zip$/ });
    await expect(download).toBeVisible({ timeout: 240_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
    expect(
      seen.some((v) => v > 0 && v < 100),
      `progress seen: ${seen.join(",")}`,
    ).toBe(true);
    await expect(page.getByTestId("connections-agent")).toContainText(
      "1,000 agents → 3 backends: 3,000 connections, all OK",
    );
    await page.getByLabel("Find an agent's connections").fill("agent-0999");
    await expect(page.getByRole("list", { name: "Matching agents' connections" })).toHaveText(
      "agent “agent-0999” → backend-1: OK, → backend-2: OK, → backend-3: OK",
    );
    await page.getByLabel("Find an agent's connections").fill("agent-09");
    const agentPages = page.getByRole("navigation", { name: "Agent connection pages" });
    await expect(agentPages).toContainText("100 matching agents; showing 1–10 (page 1 of 10)");
    await page.getByLabel("Find an agent's connections").fill("");
    // The counted group opens on request: every agent, paged.
    const open = page.getByRole("button", { name: "Show each agent's connections (1,000 agents)" });
    await expect(open).toHaveAttribute("aria-expanded", "false");
    await open.click();
    await expect(page.getByRole("button", { name: "Hide the agents' connections" })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
    await expect(agentPages).toContainText("1,000 agents; showing 1–10 (page 1 of 100)");
    await agentPages.getByRole("button", { name: "Next page" }).click();
    await expect(
      page.getByRole("list", { name: "Matching agents' connections" }).getByRole("listitem").first(),
    ).toContainText("agent “agent-0010” → backend-1: OK");
    expect(await axeViolations(page), "the opened group and the review pass axe").toEqual([]);

    const saved = page.waitForEvent("download");
    await download.click();
    const bundle = await unzipDownload(await saved);
    zipPath = bundle.zip;
    const folders = readdirSync(bundle.path("agents"), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(folders.map((d) => d.name).sort()).toEqual(NAMES);
    const index = readFileSync(bundle.path("agents/index.csv"), "utf8").trim().split("\r\n");
    expect(index.slice(1).map((l) => l.split(",")[0])).toEqual(NAMES);
    const someone = NAMES[1 + Math.floor(Math.random() * 998)] ?? "agent-0500";
    for (const cn of [NAMES[0], NAMES[999], someone]) {
      const cert = bundle.path(`agents/${cn}/etc/sensu/tls/agent.pem`);
      const verified = openssl(["verify", "-CAfile", bundle.path("ca/agent-ca.pem"), cert]);
      expect(verified.out, cn).toContain(": OK");
      expect(verified.code).toBe(0);
    }
  });

  await test.step("Renew: the fleet's zip lists 1,005 certificates, paged and searchable", async () => {
    await page
      .getByRole("navigation", { name: "Wizard steps" })
      .getByRole("link", { name: /Renew certificates/ })
      .click();
    await page.getByLabel("Load a bundle zip or certificate files").setInputFiles(zipPath);
    // 1,000 agents, 3 backends, the CA and the agent CA; the CAs' copies in every host folder count once.
    await expect(page.getByText(/^1,005 certificates, soonest expiry first/)).toBeVisible({ timeout: 60_000 });
    const list = page.getByRole("list", { name: "Loaded certificates, soonest expiry first" });
    await expect(list.getByRole("listitem")).toHaveCount(25);
    const pages = page.getByRole("navigation", { name: "Certificate pages" });
    await expect(pages).toContainText("Showing 1–25 of 1,005 (page 1 of 41)");
    await page.getByLabel("Find a certificate").fill("agent-0999");
    // Its own certificate, and the CA whose copy sits in its folder (found by path).
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list.getByRole("heading", { level: 3, name: "agent-0999", exact: true })).toHaveCount(1);
    await expect(list).toContainText("agents/agent-0999/etc/sensu/tls/agent.pem");
    await page.getByLabel("Find a certificate").fill("");
    for (let i = 1; i < 41; i++) await pages.getByRole("button", { name: "Next page" }).click();
    await expect(pages).toContainText("Showing 1,001–1,005 of 1,005 (page 41 of 41)");
    await expect(pages.getByRole("button", { name: "Next page" })).toBeDisabled();
    // The CAs outlive every leaf: soonest first puts them on the last page.
    await expect(list.getByRole("listitem").last()).toContainText("self-signed");
    await page
      .getByRole("navigation", { name: "Wizard steps" })
      .getByRole("link", { name: /Review and download/ })
      .click();
  });

  await test.step("Cancel a second generation: no bundle is offered", async () => {
    await page.getByRole("button", { name: "Discard keys" }).click();
    await page.getByRole("button", { name: "Generate keys and certificates" }).click();
    await expect(page.getByRole("progressbar")).toBeVisible();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("progressbar")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Generate keys and certificates" })).toBeEnabled();
    // Long enough for a Worker that kept going to have answered.
    await page.waitForTimeout(3000);
    await expect(page.getByRole("button", { name: /^Download sensu-tls-bundle/ })).toHaveCount(0);
    await expect(page.getByText("Bundle ready")).toHaveCount(0);
  });
});
