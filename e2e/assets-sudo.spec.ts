import { existsSync } from "node:fs";

import { expect, test } from "@playwright/test";

import { GUIDE_ASSET_YAML } from "../lib/sudoers/guide-fixtures.test-helper";
import { run, unzipDownload } from "./support/bundle-files";
import { describedBy, generate } from "./support/wizard";

const AMD64_SHA =
  "29a6e1725f37e533cd9f6a8a17b40ef757ba5ea5dc27701c19a7fb9ac9c2bdf9f684d758d4440f278bb7fc669e52bf02efb3fc6758731f7f3e10617a2fe026cf";
const visudo = existsSync("/usr/sbin/visudo") ? "/usr/sbin/visudo" : "visudo";

test("an operator previews sudo rules for the guide's asset in every mode and downloads a file visudo accepts", async ({
  page,
}) => {
  const sudoers = page.getByRole("figure").filter({ hasText: "sudoers.d/sensu-assets" }).locator("code");

  await test.step("Paste the guide's asset and pick the linux/amd64 build", async () => {
    await page.goto("/plan");
    await page.getByRole("radio", { name: /ECDSA P-256/ }).check();
    await page.goto("/assets");
    await page.getByLabel("Paste Asset definitions (YAML or JSON)").fill(GUIDE_ASSET_YAML);
    const amd64 = page.getByLabel("linux/amd64 build of sensu/system-profile-linux");
    await amd64.check();
    await expect.poll(() => describedBy(amd64)).toContain(`unpacks to /var/cache/sensu/sensu-agent/${AMD64_SHA}/bin`);
  });

  await test.step("All assets: the guide's ** lines, for test systems only, with the SETENV warning", async () => {
    await page.getByRole("radio", { name: /All assets \(test systems only\)/ }).check();
    await expect(sudoers).toContainText("NOPASSWD:SETENV: /var/cache/sensu/sensu-agent/**/bin/*");
    await expect(page.getByText(/For test systems only/).first()).toBeVisible();
    await expect(page.getByRole("list", { name: "What each rule grants" })).toContainText("LD_PRELOAD");
  });

  await test.step("Chosen builds: pinned by sha512", async () => {
    await page.getByRole("radio", { name: /Chosen builds, pinned by sha512/ }).check();
    await expect(sudoers).toContainText(`/var/cache/sensu/sensu-agent/${AMD64_SHA}/bin/*`);
  });

  await test.step("Chosen commands: a bad command is refused at its field", async () => {
    await page.getByRole("radio", { name: /Chosen commands in the asset cache/ }).check();
    const commands = page.getByLabel("Commands from linux/amd64");
    await commands.fill("../../bin/sh");
    await expect(commands).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("button", { name: /^Next/ })).toBeDisabled();
    await commands.fill("system-profile-linux");
    await expect(sudoers).toContainText(`/var/cache/sensu/sensu-agent/${AMD64_SHA}/bin/system-profile-linux`);
  });

  await test.step("Root-owned copies: no SETENV, a copy script, and the example checks on the copy", async () => {
    await page.getByRole("radio", { name: /Root-owned copies \(recommended\)/ }).check();
    await expect(sudoers).toContainText(
      "NOPASSWD: /usr/local/libexec/sensu/sensu/system-profile-linux/bin/system-profile-linux",
    );
    await expect(sudoers).not.toContainText("SETENV:");
    await expect(page.getByText("Show install-sensu-asset-commands.sh")).toBeVisible();
    await expect(page.getByRole("figure").filter({ hasText: "sudo-checks.yaml" })).toContainText(
      "sudo /usr/local/libexec/sensu/sensu/system-profile-linux/bin/system-profile-linux",
    );
  });

  await test.step("A user name that would widen the rule, and a broken definition, are refused with the reason", async () => {
    const user = page.getByRole("textbox", { name: "Agent's user" });
    await user.fill("sensu ALL");
    await expect(user).toHaveAttribute("aria-invalid", "true");
    await user.fill("sensu");
    const pasted = page.getByLabel("Paste Asset definitions (YAML or JSON)");
    await pasted.fill(
      `${GUIDE_ASSET_YAML}---\ntype: Asset\napi_version: core/v2\nmetadata:\n  name: short\nspec:\n  url: https://example.com/a.tgz\n  sha512: abc123\n`,
    );
    await expect.poll(() => describedBy(pasted)).toMatch(/document 2 \("short"\).*sha512/);
    await expect(page.getByLabel("Commands from linux/amd64")).toHaveValue("system-profile-linux");
    await pasted.fill(GUIDE_ASSET_YAML);
    await expect(pasted).not.toHaveAttribute("aria-invalid", "true");
  });

  await test.step("Download: sudo/sudoers.d/sensu-assets is 0440 and passes visudo -c", async () => {
    await page.goto("/download");
    const button = await generate(page);
    const waiting = page.waitForEvent("download");
    await button.click();
    const { path, mode } = await unzipDownload(await waiting);
    expect(mode("sudo/sudoers.d/sensu-assets").toString(8)).toBe("440");
    const check = run(visudo, ["-c", "-f", path("sudo/sudoers.d/sensu-assets")]);
    expect(check.code, check.out).toBe(0);
    expect(run("sh", ["-n", path("sudo/install-sensu-asset-commands.sh")]).code).toBe(0);
  });
});
