import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { archiveFileName, renderCopyScript } from "./copy-script";
import { AMD64_SHA, chooseProfile, LINUX_AMD64, LINUX_ARM64, LINUX_ARMV7, planOrThrow } from "./sudoers.test-helper";
import { parseAssets } from "./yaml-reader";

const script = (input: Parameters<typeof planOrThrow>[0], assets?: Parameters<typeof planOrThrow>[1]) =>
  renderCopyScript(planOrThrow(input, assets)) ?? "";

describe("renderCopyScript", () => {
  it("exists only for the root-owned mode", () => {
    assert.equal(
      renderCopyScript(planOrThrow({ mode: "selected-builds", choices: [chooseProfile(LINUX_AMD64)] })),
      null,
    );
    assert.ok(script({ choices: [chooseProfile(LINUX_AMD64)] }).startsWith("#!/bin/sh\n"));
  });

  it("verifies the archive against the definition's sha512 before copying, as root, without SETENV", () => {
    const text = script({ choices: [chooseProfile(LINUX_AMD64)] });
    assert.ok(text.includes(`'${AMD64_SHA}'`));
    assert.match(text, /sha512sum -c --status -/);
    assert.match(text, /install -o root -g root -m 0755 "\$src"/);
    assert.match(text, /ROOT_DIR='\/usr\/local\/libexec\/sensu'/);
    assert.ok(text.indexOf("sha512sum -c") < text.indexOf('install -o root -g root -m 0755 "$src"'));
  });

  it("picks the build by the host's os/arch in Sensu's terms, most specific first, and skips hosts with none", () => {
    const text = script({
      choices: [chooseProfile(LINUX_AMD64), chooseProfile(LINUX_ARMV7), chooseProfile(LINUX_ARM64)],
    });
    assert.ok(text.includes("  'linux'/'amd64'/*)\n"));
    assert.ok(text.includes("  'linux'/'arm'/'7')\n"));
    assert.ok(text.indexOf("'linux'/'arm'/'7')") < text.indexOf("'linux'/'amd64'/*)"));
    assert.ok(text.includes("  *) skip 'sensu/system-profile-linux' ;;"));
    assert.match(text, /armv7\* \| armv8l\) host_arch=arm host_arm=7/);
  });

  it("installs only the named commands, each quoted as one word", () => {
    const text = script({ choices: [chooseProfile(LINUX_AMD64, ["system-profile-linux", "c++"])] });
    assert.ok(text.includes(`      'system-profile-linux' 'c++'\n`));
    assert.ok(text.includes(`"$ROOT_DIR"'/sensu/system-profile-linux/bin'`));
  });

  it("refuses to download a build that needs HTTP headers, and says so", () => {
    const assets = parseAssets(
      JSON.stringify({
        type: "Asset",
        metadata: { name: "private" },
        spec: { url: "https://x/p.tar.gz", sha512: "d".repeat(128), headers: { Authorization: "Bearer x" } },
      }),
    ).assets;
    const text = script({ choices: [{ asset: "private", build: 0, commands: ["p"] }] }, assets);
    assert.ok(text.includes("'p.tar.gz' headers \\"));
    assert.ok(!text.includes("Bearer"), "header values (secrets) never reach the script");
  });
});

describe("archiveFileName", () => {
  it("is the URL's last part when that is a plain file name, else the sha512", () => {
    const plan = planOrThrow({ choices: [chooseProfile(LINUX_AMD64)] });
    const b = plan.builds[0];
    assert.ok(b);
    assert.equal(archiveFileName(b), "system-profile-linux_0.10.1_linux_amd64.tar.gz");
    assert.equal(archiveFileName({ ...b, build: { ...b.build, url: "https://x/get?id=1" } }), "get");
    assert.equal(archiveFileName({ ...b, build: { ...b.build, url: "https://x/a%20b.tgz" } }), `${AMD64_SHA}.tar.gz`);
  });
});
