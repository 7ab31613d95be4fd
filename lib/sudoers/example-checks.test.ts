import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { load } from "js-yaml";

import { checksToJson, checksToYaml, exampleChecks } from "./example-checks";
import { SUDO_EXAMPLE_JSON, SUDO_EXAMPLE_YAML, SUDO_TEST_JSON, SUDO_TEST_YAML } from "./guide-fixtures.test-helper";
import { chooseProfile, guideAssets, LINUX_AMD64, LINUX_ARM64, planOrThrow } from "./sudoers.test-helper";
import { parseAssets } from "./yaml-reader";
import { splitDocuments } from "./yaml-reader";

const values = (text: string) => splitDocuments(text).documents.map((d) => d.value);

describe("exampleChecks", () => {
  it("makes the guide's sudo_example and sudo_test for the guide's asset, field for field", () => {
    const checks = exampleChecks(
      planOrThrow({ mode: "all-assets", diagnosticEcho: true, choices: [chooseProfile(LINUX_AMD64, [])] }),
    );
    assert.deepEqual(checks, [load(SUDO_EXAMPLE_YAML), load(SUDO_TEST_YAML)]);
    assert.deepEqual(checks, [JSON.parse(SUDO_EXAMPLE_JSON), JSON.parse(SUDO_TEST_JSON)]);
  });

  it("round-trips through its own YAML and JSON unchanged", () => {
    const checks = exampleChecks(
      planOrThrow({
        mode: "selected-commands",
        diagnosticEcho: true,
        choices: [chooseProfile(LINUX_AMD64), chooseProfile(LINUX_ARM64)],
      }),
    );
    assert.deepEqual(values(checksToYaml(checks)), checks);
    assert.deepEqual(values(checksToJson(checks)), checks);
  });

  it("writes one check as exactly the guide's JSON text", () => {
    const checks = exampleChecks(planOrThrow({ mode: "selected-builds", choices: [chooseProfile(LINUX_AMD64)] }));
    assert.equal(checksToJson(checks), `${SUDO_EXAMPLE_JSON.trim()}\n`);
    assert.match(checksToYaml(checks), /^---\ntype: CheckConfig\n/);
  });

  it("in root-owned mode runs the root-owned copy with plain sudo (no -E: there is no SETENV)", () => {
    const checks = exampleChecks(planOrThrow({ diagnosticEcho: true, choices: [chooseProfile(LINUX_AMD64)] }));
    assert.equal(
      checks[0]?.spec.command,
      "sudo /usr/local/libexec/sensu/sensu/system-profile-linux/bin/system-profile-linux",
    );
    assert.deepEqual(checks[0]?.spec.runtime_assets, []);
    assert.equal(checks[1]?.spec.command, 'sudo echo "PATH:$PATH \\nLD:$LD_LIBRARY_PATH \\n"');
    assert.ok(checks.every((c) => !String(c.spec.command).includes("-E")));
  });

  it("uses the chosen command, one sudo_example per asset, and the given subscriptions", () => {
    const checks = exampleChecks(
      planOrThrow({
        mode: "selected-commands",
        choices: [chooseProfile(LINUX_AMD64, ["other-cmd"]), chooseProfile(LINUX_ARM64, ["x"])],
      }),
      { subscriptions: ["linux"] },
    );
    assert.equal(checks.length, 1);
    assert.equal(checks[0]?.spec.command, "sudo -E ${SENSU_SYSTEM_PROFILE_LINUX_PATH}/bin/other-cmd");
    assert.deepEqual(checks[0]?.spec.subscriptions, ["linux"]);
  });

  it("names the checks apart when there are several assets", () => {
    const disk = parseAssets(
      JSON.stringify({
        type: "Asset",
        metadata: { name: "acme/disk-check" },
        spec: { url: "https://x/d.tar.gz", sha512: "e".repeat(128) },
      }),
    ).assets;
    const plan = planOrThrow(
      {
        mode: "selected-builds",
        choices: [chooseProfile(LINUX_AMD64), { asset: "acme/disk-check", build: 0, commands: [] }],
      },
      [...guideAssets(), ...disk],
    );
    const checks = exampleChecks(plan);
    assert.deepEqual(
      checks.map((c) => c.metadata.name),
      ["sudo_example-sensu-system-profile-linux", "sudo_example-acme-disk-check"],
    );
    assert.equal(checks[1]?.spec.command, "sudo -E ${ACME_DISK_CHECK_PATH}/bin/disk-check");
  });
});
