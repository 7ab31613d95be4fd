import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DEFAULT_INPUT, planSudoers, type SudoersInput } from "./model";
import {
  AMD64_SHA,
  chooseProfile,
  guideAssets,
  LINUX_AMD64,
  LINUX_ARM64,
  LINUX_ARMV7,
  planOrThrow,
  PROFILE,
} from "./sudoers.test-helper";
import { parseAssets } from "./yaml-reader";

const issuesOf = (input: Partial<SudoersInput>, assets = guideAssets()) => {
  const r = planSudoers({ ...DEFAULT_INPUT, ...input }, assets);
  return r.ok ? [] : r.issues;
};
const fields = (input: Partial<SudoersInput>) => issuesOf(input).map((i) => i.field);

describe("planSudoers", () => {
  it("defaults to the guide's user and cache, and the root-owned mode", () => {
    assert.equal(DEFAULT_INPUT.user, "sensu");
    assert.equal(DEFAULT_INPUT.cacheDir, "/var/cache/sensu/sensu-agent");
    assert.equal(DEFAULT_INPUT.mode, "root-owned");
    assert.equal(DEFAULT_INPUT.rootDir, "/usr/local/libexec/sensu");
  });

  it("plans the guide's linux/amd64 build with its cache directory, variable and root-owned directory", () => {
    const plan = planOrThrow({ choices: [chooseProfile(LINUX_AMD64)] });
    const b = plan.builds[0];
    assert.equal(b?.label, "linux/amd64");
    assert.equal(b?.envVar, "SENSU_SYSTEM_PROFILE_LINUX_PATH");
    assert.equal(b?.cacheBinDir, `/var/cache/sensu/sensu-agent/${AMD64_SHA}/bin`);
    assert.equal(b?.rootBinDir, "/usr/local/libexec/sensu/sensu/system-profile-linux/bin");
    assert.deepEqual(b?.commands, ["system-profile-linux"]);
  });

  it("names the field of every bad value", () => {
    assert.deepEqual(
      fields({
        user: "sensu ALL",
        cacheDir: "relative",
        rootDir: "/usr/local/*",
        choices: [chooseProfile(LINUX_AMD64, ["../sh"])],
      }),
      ["user", "cacheDir", "rootDir", "choices[0].commands[0]"],
    );
  });

  it("needs a chosen build except in all-assets mode, and named commands where the mode lists commands", () => {
    assert.deepEqual(fields({ mode: "selected-builds", choices: [] }), ["choices"]);
    assert.deepEqual(fields({ mode: "all-assets", choices: [] }), []);
    assert.deepEqual(fields({ mode: "selected-builds", choices: [chooseProfile(LINUX_AMD64, [])] }), []);
    assert.deepEqual(fields({ mode: "selected-commands", choices: [chooseProfile(LINUX_AMD64, [])] }), [
      "choices[0].commands",
    ]);
    assert.deepEqual(fields({ mode: "root-owned", choices: [chooseProfile(LINUX_AMD64, [])] }), [
      "choices[0].commands",
    ]);
  });

  it("refuses unknown assets and builds, duplicates, and a command listed twice", () => {
    assert.deepEqual(fields({ choices: [{ asset: "nope", build: 0, commands: ["x"] }] }), ["choices[0].asset"]);
    assert.deepEqual(fields({ choices: [chooseProfile(9)] }), ["choices[0].build"]);
    assert.deepEqual(
      fields({ mode: "selected-builds", choices: [chooseProfile(LINUX_AMD64), chooseProfile(LINUX_AMD64)] }),
      ["choices[1]"],
    );
    assert.deepEqual(fields({ choices: [chooseProfile(LINUX_AMD64, ["a", "a"])] }), ["choices[0].commands[1]"]);
  });

  it("refuses root-owned copies inside the cache, which the agent's user can write", () => {
    const issues = issuesOf({ rootDir: "/var/cache/sensu/sensu-agent/root", choices: [chooseProfile(LINUX_AMD64)] });
    assert.equal(issues[0]?.field, "rootDir");
    assert.match(issues[0]?.message ?? "", /inside the cache directory/);
    assert.deepEqual(fields({ rootDir: "/var/cache/sensu/sensu-agent", choices: [chooseProfile(LINUX_AMD64)] }), [
      "rootDir",
    ]);
    assert.deepEqual(fields({ rootDir: "/var/cache/sensu/sensu-agent2", choices: [chooseProfile(LINUX_AMD64)] }), []);
  });

  it("refuses root-owned copies in a tree others can write, at the root directory's field, in root-owned mode only", () => {
    const issues = issuesOf({ rootDir: "/tmp/sensu-commands", choices: [chooseProfile(LINUX_AMD64)] });
    assert.deepEqual(
      issues.map((i) => i.field),
      ["rootDir"],
    );
    assert.match(issues[0]?.message ?? "", /under \/tmp, which every local user can write/);
    assert.deepEqual(
      fields({ mode: "selected-commands", rootDir: "/tmp/sensu-commands", choices: [chooseProfile(LINUX_AMD64)] }),
      [],
    );
  });

  it("in root-owned mode refuses non-Linux builds and two builds for the same hosts", () => {
    assert.match(issuesOf({ choices: [chooseProfile(0)] })[0]?.message ?? "", /darwin\/386 build .* not for Linux/);
    assert.deepEqual(
      fields({ choices: [chooseProfile(LINUX_AMD64), chooseProfile(LINUX_ARM64), chooseProfile(LINUX_ARMV7)] }),
      [],
    );
    const twin = parseAssets(
      `---\ntype: Asset\nmetadata: {name: twin}\nspec:\n  builds:\n  - {url: "https://x/a", sha512: "${"a".repeat(128)}", filters: ["entity.system.os == 'linux'", "entity.system.platform_family == 'rhel'"]}\n  - {url: "https://x/b", sha512: "${"b".repeat(128)}", filters: ["entity.system.os == 'linux'", "entity.system.platform_family == 'debian'"]}\n`,
    ).assets;
    const issues = issuesOf(
      {
        choices: [
          { asset: "twin", build: 0, commands: ["t"] },
          { asset: "twin", build: 1, commands: ["t"] },
        ],
      },
      twin,
    );
    assert.match(issues[0]?.message ?? "", /fit the same hosts; choose one/);
  });

  it("in root-owned mode refuses an asset name that cannot be a directory", () => {
    const odd = parseAssets(
      JSON.stringify({
        type: "Asset",
        metadata: { name: "ns:odd" },
        spec: { url: "https://x/a", sha512: "c".repeat(128) },
      }),
    ).assets;
    const issues = issuesOf({ choices: [{ asset: "ns:odd", build: 0, commands: ["t"] }] }, odd);
    assert.deepEqual(
      issues.map((i) => i.field),
      ["choices[0].asset"],
    );
    assert.deepEqual(
      issuesOf({ mode: "selected-commands", choices: [{ asset: "ns:odd", build: 0, commands: ["t"] }] }, odd),
      [],
    );
  });

  it("offers secure_path only with explicit directories", () => {
    assert.deepEqual(fields({ mode: "all-assets", securePath: true, choices: [] }), ["securePath"]);
    assert.deepEqual(fields({ mode: "all-assets", securePath: true, choices: [chooseProfile(LINUX_AMD64)] }), []);
  });

  it("uses the asset's short name as the example command when none is chosen", () => {
    const plan = planOrThrow({ mode: "selected-builds", choices: [chooseProfile(LINUX_AMD64, [])] });
    assert.equal(plan.builds[0]?.exampleCommand, "system-profile-linux");
    assert.equal(
      planOrThrow({ mode: "selected-builds", choices: [chooseProfile(LINUX_AMD64, ["other"])] }).builds[0]
        ?.exampleCommand,
      "other",
    );
  });

  it("keeps the chosen asset name for the plan", () => {
    assert.equal(planOrThrow({ choices: [chooseProfile(LINUX_AMD64)] }).builds[0]?.asset.name, PROFILE);
  });
});
