import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { assetPathEnvVar } from "./env-var";

describe("assetPathEnvVar", () => {
  it("maps the guide's asset to the variable the guide's check uses", () => {
    assert.equal(assetPathEnvVar("sensu/system-profile-linux"), "SENSU_SYSTEM_PROFILE_LINUX_PATH");
  });

  it("collapses a run of separators into one underscore, as sensu-go's environment.Key does", () => {
    assert.equal(
      assetPathEnvVar("sensu-plugins/sensu-plugins-disk-checks"),
      "SENSU_PLUGINS_SENSU_PLUGINS_DISK_CHECKS_PATH",
    );
    assert.equal(assetPathEnvVar("a.-/b"), "A_B_PATH");
    assert.equal(assetPathEnvVar("ruby_2.4"), "RUBY_2_4_PATH");
  });

  it("keeps digits and upper-cases letters only", () => {
    assert.equal(assetPathEnvVar("Check-Ping2"), "CHECK_PING2_PATH");
  });
});
