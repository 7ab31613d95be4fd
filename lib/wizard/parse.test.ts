import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { defaultInput, exampleBackend } from "./model";
import { resolvePlan } from "./resolve-plan";
import { checkAll } from "./test-helpers";
import { allErrors, errorsAt, inputWith, NOW } from "./test-helpers";
import { setBackendCount } from "./update";

const one = (messages: string[], pattern: RegExp) => {
  assert.equal(messages.length, 1, `expected one message, got ${JSON.stringify(messages)}`);
  assert.match(messages[0] ?? "", pattern);
};

describe("the guide's defaults", () => {
  it("have no errors and resolve to three backends and one agent", () => {
    assert.deepEqual(allErrors(defaultInput()), []);
    const r = resolvePlan(defaultInput(), NOW);
    assert.ok(r.ok);
    assert.deepEqual(
      r.plan.backends.map((b) => b.fqdn),
      ["backend-1.example.com", "backend-2.example.com", "backend-3.example.com"],
    );
    assert.deepEqual(
      r.plan.backends[0]?.sans.map((s) => s.value),
      ["backend-1.example.com", "backend-1", "10.0.0.1", "localhost", "127.0.0.1", "::1"],
    );
    assert.equal(r.plan.ca.validityHours, 43800);
    assert.equal(r.plan.agentCa?.commonName, "Sensu Agent CA");
  });
});

describe("bad input gets a message at the field that caused it", () => {
  it("CA common name: empty or over 64 characters", () => {
    one(
      errorsAt(
        inputWith((i) => (i.ca.commonName = "")),
        "ca.commonName",
      ),
      /Enter a common name/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.ca.commonName = "C".repeat(65))),
        "ca.commonName",
      ),
      /64/,
    );
  });

  it("backend FQDN: invalid labels", () => {
    const at = (fqdn: string) =>
      errorsAt(
        inputWith((i) => (i.backends.rows[0]!.fqdn = fqdn)),
        "backends.rows.b1.fqdn",
      );
    one(at("back_end-1.example.com"), /underscore/);
    one(at("-backend-1.example.com"), /hyphen/);
    one(at(`${"x".repeat(64)}.example.com`), /63/);
    one(at(""), /Enter the fully qualified/);
  });

  it("a name over 253 characters", () => {
    const long = Array(64).fill("abcd").join(".");
    one(
      errorsAt(
        inputWith((i) => (i.backends.rows[0]!.extraNames = long)),
        "backends.rows.b1.extraNames",
      ),
      /253/,
    );
  });

  it("555.1.1.1 and 10.0.0 are neither IP nor host name", () => {
    one(
      errorsAt(
        inputWith((i) => (i.backends.rows[1]!.ips = "555.1.1.1")),
        "backends.rows.b2.ips",
      ),
      /555 is over 255/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.backends.rows[1]!.extraNames = "localhost, 10.0.0")),
        "backends.rows.b2.extraNames",
      ),
      /10\.0\.0/,
    );
  });

  it("a backend or agent named like the bundle's own files, in any case", () => {
    const fqdnAt = (fqdn: string) =>
      errorsAt(
        setBackendCount(
          inputWith((i) => (i.backends.rows[0]!.fqdn = fqdn)),
          "1",
        ),
        "backends.rows.b1.fqdn",
      );
    one(fqdnAt("ca"), /bundle's own CA files/);
    one(fqdnAt("CA"), /bundle's own CA files/);
    one(fqdnAt("Agent-CA"), /bundle's own CA files/);
    one(fqdnAt("backend-key"), /private key file/);
    one(
      errorsAt(
        inputWith((i) => (i.agents.rows[0]!.commonName = "CA")),
        "agents.rows.a1.commonName",
      ),
      /bundle's own CA files/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.agents.rows[0]!.commonName = "agent-key")),
        "agents.rows.a1.commonName",
      ),
      /private key file/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.agents.rows[0]!.commonName = "Backend-1.Example.com")),
        "agents.rows.a1.commonName",
      ),
      /taken by the backend backend-1/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.agents.rows[0]!.commonName = "agent.")),
        "agents.rows.a1.commonName",
      ),
      /ending with a letter or digit/,
    );
  });

  it("a host name in the IP column is sent to Additional names", () => {
    one(
      errorsAt(
        inputWith((i) => (i.backends.rows[0]!.ips = "backend-1.lan")),
        "backends.rows.b1.ips",
      ),
      /Additional names/,
    );
  });

  it("duplicate backend names, FQDNs and addresses, case-insensitively", () => {
    one(
      errorsAt(
        inputWith((i) => (i.backends.rows[2]!.name = "Backend-1")),
        "backends.rows.b3.name",
      ),
      /already used by backend-1/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.backends.rows[2]!.fqdn = "backend-1.example.com")),
        "backends.rows.b3.fqdn",
      ),
      /already used/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.backends.rows[2]!.ips = "10.0.0.1")),
        "backends.rows.b3.ips",
      ),
      /already used/,
    );
  });

  it("a cluster member without an IP", () => {
    one(
      errorsAt(
        inputWith((i) => (i.backends.rows[0]!.ips = "")),
        "backends.rows.b1.ips",
      ),
      /needs its IP/,
    );
    const single = setBackendCount(
      inputWith((i) => (i.backends.rows[0]!.ips = "")),
      "1",
    );
    assert.deepEqual(allErrors(single), [], "a single backend may omit it");
  });

  it("duplicate and unusable agent CNs", () => {
    const dup = inputWith((i) => i.agents.rows.push({ id: "a2", commonName: "agent" }));
    one(errorsAt(dup, "agents.rows.a2.commonName"), /already named "agent"/);
    one(
      errorsAt(
        inputWith((i) => (i.agents.rows[0]!.commonName = "")),
        "agents.rows.a1.commonName",
      ),
      /Enter a common name/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.agents.rows[0]!.commonName = "a".repeat(65))),
        "agents.rows.a1.commonName",
      ),
      /64/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.agents.rows[0]!.commonName = "web agent")),
        "agents.rows.a1.commonName",
      ),
      /letters, digits/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.agents.rows[0]!.commonName = "ca")),
        "agents.rows.a1.commonName",
      ),
      /ca\.pem/,
    );
    const eight = inputWith((i) => (i.backends.rows = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => exampleBackend(n, `b${n}`))));
    one(errorsAt(eight, "backends.rows"), /At most 7/);
    one(
      errorsAt(
        inputWith((i) => (i.agents.rows[0]!.commonName = "backend-2.example.com")),
        "agents.rows.a1.commonName",
      ),
      /backend-2/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.agents.rows = [])),
        "agents.rows",
      ),
      /at least one/,
    );
  });

  it("validity zero, negative, non-numeric, or past the CA's expiry", () => {
    const at = (raw: string) =>
      errorsAt(
        inputWith((i) => (i.backends.validityHours = raw)),
        "backends.validityHours",
      );
    one(at("0"), /at least 1/);
    one(at("-5"), /negative/);
    one(at("six months"), /whole number/);
    one(at("4320.5"), /whole number/);
    one(at(""), /Enter/);
    one(at("43801"), /after the CA expires on 2031-01-14.*at most 43800 hours/);
    assert.deepEqual(at("43800"), []);
    one(
      errorsAt(
        inputWith((i) => (i.agents.validityHours = "abc")),
        "agents.validityHours",
      ),
      /whole number/,
    );
    const shortCa = inputWith((i) => {
      i.ca.validityYears = "1";
      i.agents.validityHours = "9000";
    });
    one(errorsAt(shortCa, "agents.validityHours"), /8760/);
  });

  it("CA validity in years: bad values", () => {
    one(
      errorsAt(
        inputWith((i) => (i.ca.validityYears = "0")),
        "ca.validityYears",
      ),
      /at least 1/,
    );
    one(
      errorsAt(
        inputWith((i) => (i.ca.validityYears = "31")),
        "ca.validityYears",
      ),
      /at most 30/,
    );
  });

  it("a cluster with zero backends", () => {
    const zero = setBackendCount(defaultInput(), "0");
    one(errorsAt(zero, "plan.backendCount"), /at least 1/);
    assert.equal(zero.backends.rows.length, 3, "the rows typed so far are kept");
    one(errorsAt(setBackendCount(defaultInput(), "8"), "plan.backendCount"), /at most 7/);
  });

  it("two CAs with the same name in the separate layout", () => {
    one(
      errorsAt(
        inputWith((i) => (i.ca.agentCaCommonName = i.ca.commonName)),
        "ca.agentCaCommonName",
      ),
      /different/,
    );
    assert.deepEqual(
      errorsAt(
        inputWith((i) => {
          i.plan.caLayout = "single";
          i.ca.agentCaCommonName = "";
        }),
        "ca.agentCaCommonName",
      ),
      [],
      "unused in the single layout",
    );
  });
});

describe("warnings", () => {
  it("removing localhost or 127.0.0.1 warns but does not block", () => {
    const input = inputWith((i) => (i.backends.rows[0]!.extraNames = "::1"));
    const check = checkAll(input, NOW).backends;
    assert.deepEqual(check.errors, []);
    const w = check.warnings.find((x) => x.field === "backends.rows.b1.extraNames");
    assert.match(w?.message ?? "", /localhost, 127\.0\.0\.1.*embedded etcd/);
  });

  it("an even member count warns", () => {
    assert.equal(checkAll(setBackendCount(defaultInput(), "2"), NOW).plan.warnings.length, 1);
  });
});

describe("resolvePlan", () => {
  it("refuses input with errors and names the steps to fix", () => {
    const r = resolvePlan(
      inputWith((i) => {
        i.ca.commonName = "";
        i.agents.validityHours = "x";
      }),
      NOW,
    );
    assert.deepEqual(r, { ok: false, steps: ["ca", "agents"] });
  });

  it("uses the Plan's algorithm for the CA unless the CA step overrides it", () => {
    const r = resolvePlan(
      inputWith((i) => {
        i.plan.keyAlgorithm = "ecdsa-p256";
      }),
      NOW,
    );
    assert.ok(r.ok && r.plan.ca.algorithm === "ecdsa-p256" && r.plan.leafAlgorithm === "ecdsa-p256");
    const o = resolvePlan(
      inputWith((i) => {
        i.plan.keyAlgorithm = "ecdsa-p256";
        i.ca.keyAlgorithm = "rsa-4096";
      }),
      NOW,
    );
    assert.ok(o.ok && o.plan.ca.algorithm === "rsa-4096" && o.plan.leafAlgorithm === "ecdsa-p256");
  });

  it("has no agent CA in the single layout", () => {
    const r = resolvePlan(
      inputWith((i) => (i.plan.caLayout = "single")),
      NOW,
    );
    assert.ok(r.ok && r.plan.agentCa === undefined);
  });
});
