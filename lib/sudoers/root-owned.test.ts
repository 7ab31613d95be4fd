import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { hostPattern } from "./root-owned";
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
