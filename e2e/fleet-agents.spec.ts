import { readFileSync } from "node:fs";

import { expect, test } from "@playwright/test";

import { describedBy } from "./support/wizard";

/** 1,000 agent names with three invalid lines and two duplicates, at known line numbers. */
function fleetList(): { text: string; fixed: string } {
  const names = Array.from({ length: 1000 }, (_, i) => `agent-${String(i).padStart(4, "0")}`);
  const lines = [...names];
  lines[99] = "bad_name!"; // line 100
  lines[499] = "-starts-with-hyphen"; // line 500
  lines[899] = "ca"; // line 900: the bundle's own CA file name
  lines[949] = "agent-0001"; // line 950: a duplicate
  lines[999] = "AGENT-0002"; // line 1000: a duplicate, whatever the case
  return { text: lines.join("\n"), fixed: names.join("\n") };
}

test("an operator pastes a fleet of 1,000 agents, fixes the lines named, and gets them back as CSV", async ({
  page,
}) => {
  const { text, fixed } = fleetList();
  const bulk = page.getByLabel("Agent names, one per line");

  await test.step("Paste the list: the bad lines are named by number, the good ones applied", async () => {
    await page.goto("/agents");
    await page.getByText("A fleet: paste or load the list of agents").click();
    await bulk.fill(text);
    await page.getByRole("button", { name: "Apply the list" }).click();
    await expect(page.getByText("995 agents applied. 5 lines need fixing")).toBeVisible();
    await expect(bulk).toHaveAttribute("aria-invalid", "true");
    const messages = await describedBy(bulk);
    for (const line of [100, 500, 900, 950, 1000]) expect(messages).toContain(`Line ${line}:`);
    expect(messages).toMatch(/Line 950: Another agent certificate is already named "agent-0001"/);
    await expect(page.getByRole("status").filter({ hasText: "995 agent certificates" })).toBeVisible();
  });

  await test.step("Fix the text and apply again: 1,000 agents, paged and searchable", async () => {
    await bulk.fill(fixed);
    await page.getByRole("button", { name: "Apply the list" }).click();
    await expect(page.getByText("1,000 agents applied.")).toBeVisible();
    await expect(bulk).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(/1,000 agent certificates; showing 1–25 of 1,000/)).toBeVisible();
    await expect(page.getByLabel("Agent certificate 1: common name")).toHaveValue("agent-0000");
    await page.getByRole("navigation", { name: "Agent pages" }).getByRole("button", { name: "Next page" }).click();
    await expect(page.getByLabel("Agent certificate 26: common name")).toHaveValue("agent-0025");
    await page.getByLabel("Search agents").fill("agent-0999");
    await expect(page.getByLabel("Agent certificate 1000: common name")).toHaveValue("agent-0999");
    await expect(page.getByText(/showing 1–1 of 1/)).toBeVisible();
  });

  await test.step("A row edited into a duplicate is flagged at its field, and found by the problems filter", async () => {
    await page.getByLabel("Search agents").fill("");
    await page.getByLabel("Agent certificate 2: common name").fill("agent-0000");
    await page.getByLabel(/Only agents with problems \(1\)/).check();
    await expect(page.getByText(/showing 1–1 of 1/)).toBeVisible();
    await expect(page.getByLabel("Agent certificate 2: common name")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Agent certificate 2: common name").fill("agent-0001");
    await page.getByLabel(/Only agents with problems/).uncheck();
  });

  await test.step("Download the list as CSV: it reads back as the same 1,000 names", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download the list as CSV" }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(csv[0]).toBe("cn");
    expect(csv.slice(1)).toEqual(fixed.split("\n"));
  });
});
