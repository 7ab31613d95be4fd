import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { sudoersBundleFiles } from "./bundle-files";
import { renderSudoers } from "./render";
import { chooseProfile, LINUX_AMD64, planOrThrow } from "./sudoers.test-helper";

describe("sudoersBundleFiles", () => {
  it("root-owned: the sudoers file 0440, the copy script 0755, and the checks as YAML and JSON", () => {
    const plan = planOrThrow({ diagnosticEcho: true, choices: [chooseProfile(LINUX_AMD64)] });
    const files = sudoersBundleFiles(plan);
    assert.deepEqual(
      files.map((f) => [f.path, f.mode.toString(8)]),
      [
        ["sudoers.d/sensu-assets", "440"],
        ["install-sensu-asset-commands.sh", "755"],
        ["checks/sudo-checks.yaml", "644"],
        ["checks/sudo-checks.json", "644"],
      ],
    );
    assert.equal(files[0]?.installTo, "/etc/sudoers.d/sensu-assets");
    assert.equal(files[0]?.content, renderSudoers(plan).text);
    assert.ok(files.every((f) => f.purpose.length > 0 && f.content.endsWith("\n")));
  });

  it("the cache modes ship no copy script", () => {
    const files = sudoersBundleFiles(planOrThrow({ mode: "selected-builds", choices: [chooseProfile(LINUX_AMD64)] }));
    assert.ok(!files.some((f) => f.path.endsWith(".sh")));
  });

  it("ships no check files when there is no asset to check", () => {
    assert.deepEqual(
      sudoersBundleFiles(planOrThrow({ mode: "all-assets", choices: [] })).map((f) => f.path),
      ["sudoers.d/sensu-assets"],
    );
  });
});
