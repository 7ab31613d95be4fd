import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { SENSU_VERSIONS } from "../plan/sensu-version";
import { isCommercial, keyExists, keyFacts } from "./key-catalog";
import { hasRevocationCheck, REVOCATION_CHECK_KEY } from "./revocation-check-key";

describe("key catalogue", () => {
  it("agrees with the revocation-check fact the page's parse reads without loading the catalogue", () => {
    for (const version of SENSU_VERSIONS)
      assert.equal(hasRevocationCheck(version), keyExists("backend", REVOCATION_CHECK_KEY, version), version);
  });

  it("knows when keys arrived and left", () => {
    assert.equal(keyExists("backend", "enable-cert-revocation-check", "6.12+"), true);
    assert.equal(keyExists("backend", "enable-cert-revocation-check", "6.4-6.11"), false);
    assert.equal(keyExists("backend", "agent-auth-cert-file", "5.21"), true, "since 5.15");
    assert.equal(keyExists("backend", "etcd-listen-client-urls", "6.12+"), true, "removed only in 7.0");
    assert.equal(keyExists("backend", "require-openssl", "6.12+"), false, "removed in 6.11");
    assert.equal(keyExists("backend", "require-openssl", "6.0-6.3"), true);
    assert.equal(keyExists("backend", "etcd_cert_file", "6.12+"), false, "underscores are not recognised");
    assert.equal(keyExists("agent", "etcd-cert-file", "6.12+"), false, "sides are separate");
  });

  it("marks commercial keys and types", () => {
    assert.equal(isCommercial("backend", "agent-auth-trusted-ca-file"), true);
    assert.equal(isCommercial("backend", "cert-file"), false);
    assert.equal(keyFacts("agent", "backend-url")?.type, "stringSlice");
    assert.equal(keyFacts("backend", "toString"), undefined, "no prototype keys");
  });
});
