import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { hostPattern, untrustedTreeProblem } from "./root-owned";
import { guideAssets, LINUX_AMD64, LINUX_ARMV7 } from "./sudoers.test-helper";

describe("hostPattern", () => {
  it("speaks Sensu's terms: Bonsai's armv7 is arch arm, arm_version 7", () => {
    const builds = guideAssets()[0]?.builds ?? [];
    assert.equal(hostPattern(builds[LINUX_AMD64] as NonNullable<(typeof builds)[number]>), "linux/amd64/*");
    assert.equal(hostPattern(builds[LINUX_ARMV7] as NonNullable<(typeof builds)[number]>), "linux/arm/7");
  });

  it("uses * for what a build leaves open", () => {
    assert.equal(
      hostPattern({
        index: 0,
        url: "https://x",
        sha512: "a".repeat(128) as never,
        filters: [],
        filterText: [],
        headers: null,
      }),
      "*/*/*",
    );
  });
});

describe("untrustedTreeProblem", () => {
  it("refuses trees others can write, the tree itself included, saying who and what to choose", () => {
    for (const dir of ["/tmp/sensu-commands", "/tmp", "/var/tmp/x", "/dev/shm/sensu", "/run/lock/s", "/var/crash/s"])
      assert.match(untrustedTreeProblem(dir) ?? "", /which every local user can write: someone could create/, dir);
    assert.match(untrustedTreeProblem("/home/alice/bin") ?? "", /under \/home, which holds users' own directories/);
    assert.match(untrustedTreeProblem("/run/user/1000/x") ?? "", /under \/run\/user/);
    assert.match(untrustedTreeProblem("/var/lib/sensu/bin") ?? "", /the Sensu packages give to the sensu user/);
    assert.match(untrustedTreeProblem("/tmp") ?? "", /^The directory for root-owned copies is \/tmp, which/);
    assert.match(untrustedTreeProblem("/tmp/x") ?? "", /such as \/usr\/local\/libexec\/sensu\.$/);
  });

  it("accepts root's own trees, and names that only start like an untrusted one", () => {
    for (const dir of [
      "/usr/local/libexec/sensu",
      "/opt/sensu-root",
      "/tmpfiles/x",
      "/homer",
      "/root/bin",
      "/var/tmpx",
    ])
      assert.equal(untrustedTreeProblem(dir), null, dir);
  });
});
