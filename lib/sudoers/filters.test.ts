import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { type BuildFilter, buildLabel, matches, parseFilter } from "./filters";

const parsed = (text: string): BuildFilter => {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(r.message);
  return r.filter;
};

describe("parseFilter", () => {
  it("reads Bonsai's comparisons in single quotes, double quotes and bare numbers", () => {
    assert.deepEqual(parsed("entity.system.os == 'linux'"), { field: "os", op: "==", value: "linux" });
    assert.deepEqual(parsed('entity.system.arch == "amd64"'), { field: "arch", op: "==", value: "amd64" });
    assert.deepEqual(parsed("entity.system.platform_family=='rhel'"), {
      field: "platform_family",
      op: "==",
      value: "rhel",
    });
    assert.deepEqual(parsed("entity.system.arm_version == 7"), { field: "arm_version", op: "==", value: "7" });
    assert.deepEqual(parsed("  entity.system.platform != 'alpine' "), { field: "platform", op: "!=", value: "alpine" });
  });

  it("refuses other syntax and unknown attributes, quoting the expression", () => {
    for (const bad of [
      "entity.system.os == linux",
      "entity.system.os === 'linux'",
      "entity.system.os == 'linux' && entity.system.arch == 'amd64'",
      "entity.labels.region == 'eu'",
      "entity.system.os == 'li\nnux'",
      "entity.system.os == 'li nux'",
      "parseInt(entity.system.platform_version.split('.')[0]) == 7",
      "entity.system.os == ''",
    ]) {
      const r = parseFilter(bad);
      assert.ok(!r.ok, bad);
      assert.ok(r.message.includes(bad.trim().slice(0, 20)), r.message);
    }
    const unknown = parseFilter("entity.system.hostname == 'x'");
    assert.ok(!unknown.ok && /hostname, which is not one of os, arch/.test(unknown.message));
  });
});

describe("buildLabel and matches", () => {
  it("labels builds by os/arch and lists the other conditions", () => {
    assert.equal(
      buildLabel([parsed("entity.system.os == 'linux'"), parsed("entity.system.arch == 'amd64'")]),
      "linux/amd64",
    );
    assert.equal(buildLabel([parsed("entity.system.os == 'linux'")]), "linux/any arch");
    assert.equal(buildLabel([]), "any platform");
    assert.equal(
      buildLabel([parsed("entity.system.os == 'linux'"), parsed("entity.system.platform_family == 'rhel'")]),
      "linux/any arch (platform_family == rhel)",
    );
  });

  it("matches a host only when every filter holds", () => {
    const f = [parsed("entity.system.os == 'linux'"), parsed("entity.system.arch != '386'")];
    assert.equal(matches(f, { os: "linux", arch: "amd64" }), true);
    assert.equal(matches(f, { os: "linux", arch: "386" }), false);
    assert.equal(matches(f, { os: "darwin", arch: "amd64" }), false);
    assert.equal(matches(f, { os: "linux" }), false);
  });
});
