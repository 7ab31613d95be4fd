import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { guidePlan } from "../bundle/test-plan.test-helper";
import { SENSU_VERSIONS } from "../plan/sensu-version";
import { setBackendCount } from "../wizard/update";
import { agentConfig } from "./agent-config";
import { backendConfig, initialCluster } from "./backend-config";
import { valueOf } from "./config-entry";
import { keyFacts } from "./key-catalog";
import { configYaml, parseConfig } from "./yaml";

const REFERENCE = JSON.parse(readFileSync(new URL("./sensu-config-keys.json", import.meta.url), "utf8"));

describe("backend.yml and agent.yml", () => {
  const plan = guidePlan();

  it("parse back to the model, with every key in the reference list and of its type, for every release", () => {
    const plans = SENSU_VERSIONS.map((v) => guidePlan((i) => ({ ...i, plan: { ...i.plan, sensuVersion: v } })));
    for (const config of plans.flatMap((p) => [
      ...p.backends.map((b) => backendConfig(p, b)),
      agentConfig(p, "agent"),
    ])) {
      const parsed = parseConfig(configYaml(config, ["test"]));
      assert.deepEqual(parsed, Object.fromEntries(config.entries.map((e) => [e.key, e.value])));
      for (const [key, value] of Object.entries(parsed)) {
        const facts = keyFacts(config.side, key);
        assert.ok(facts && REFERENCE[config.side][key], `${config.side} key ${key} is in the reference`);
        const expected = facts.type === "bool" ? "boolean" : facts.type === "stringSlice" ? "array" : "string";
        assert.equal(Array.isArray(value) ? "array" : typeof value, expected, key);
      }
    }
  });

  it("use https everywhere and name every member in etcd-initial-cluster", () => {
    const b1 = backendConfig(plan, plan.backends[0]!);
    assert.equal(
      valueOf(b1, "etcd-initial-cluster"),
      "backend-1=https://10.0.0.1:2380,backend-2=https://10.0.0.2:2380,backend-3=https://10.0.0.3:2380",
    );
    assert.deepEqual(valueOf(b1, "etcd-initial-advertise-peer-urls"), ["https://10.0.0.1:2380"]);
    assert.deepEqual(valueOf(b1, "etcd-listen-client-urls"), ["https://10.0.0.1:2379"]);
    assert.equal(valueOf(b1, "etcd-client-cert-auth"), true);
    assert.equal(valueOf(b1, "api-url"), "https://localhost:8080");
    const text = configYaml(b1, ["x"]);
    assert.doesNotMatch(text, /http:\/\//);
    assert.match(text, /^etcd-client-cert-auth: true$/m, "a boolean, not a quoted string");
    assert.match(text, /^cert-file: "\/etc\/sensu\/tls\/backend-1\.example\.com\.pem"$/m);
  });

  it("point agents at every member with wss, as a YAML sequence", () => {
    const text = configYaml(agentConfig(plan, "agent"), ["x"]);
    assert.match(
      text,
      /^backend-url:\n {2}- "wss:\/\/backend-1\.example\.com:8081"\n {2}- "wss:\/\/backend-2\.example\.com:8081"\n {2}- "wss:\/\/backend-3\.example\.com:8081"$/m,
    );
  });

  it("keep a single backend's etcd on localhost", () => {
    const single = guidePlan((i) => setBackendCount(i, "1"));
    const b = backendConfig(single, single.backends[0]!);
    assert.equal(initialCluster(single), "backend-1=https://localhost:2380");
    assert.deepEqual(valueOf(b, "etcd-advertise-client-urls"), ["https://localhost:2379"]);
  });

  it("bracket IPv6 node addresses in URLs", () => {
    const v6 = guidePlan((i) => {
      i.backends.rows.forEach((r, n) => (r.ips = `2001:db8::${n + 1}`));
      return i;
    });
    assert.deepEqual(valueOf(backendConfig(v6, v6.backends[1]!), "etcd-listen-peer-urls"), [
      "https://[2001:db8::2]:2380",
    ]);
  });

  it("follow the layout, mTLS and version choices", () => {
    const separate = backendConfig(plan, plan.backends[0]!);
    assert.equal(valueOf(separate, "agent-auth-trusted-ca-file"), "/etc/sensu/tls/agent-ca.pem");
    assert.equal(
      valueOf(separate, "agent-auth-cert-file"),
      "/etc/sensu/tls/backend-1.example.com.pem",
      "the backend's own server certificate",
    );
    assert.equal(valueOf(separate, "enable-cert-revocation-check"), true);
    const single = guidePlan((i) => ({ ...i, plan: { ...i.plan, caLayout: "single", sensuVersion: "6.0-6.3" } }));
    const s1 = backendConfig(single, single.backends[0]!);
    assert.equal(valueOf(s1, "agent-auth-trusted-ca-file"), "/etc/sensu/tls/ca.pem");
    assert.equal(valueOf(s1, "enable-cert-revocation-check"), undefined, "6.0-6.3 has no such key");
    const noMtls = guidePlan((i) => ({ ...i, mtls: { enabled: false, bindUsers: false } }));
    assert.equal(
      valueOf(agentConfig(noMtls, "agent"), "cert-file"),
      undefined,
      "cert-file would switch the agent to mTLS",
    );
    assert.equal(valueOf(backendConfig(noMtls, noMtls.backends[0]!), "agent-auth-cert-file"), undefined);
    const custom = guidePlan((i) => ({
      ...i,
      plan: { ...i.plan, tlsDir: "/opt/sensu/ssl" },
      api: {
        ...i.api,
        dashboard: "file",
        dashboardCertPath: "/opt/web/ui.pem",
        dashboardKeyPath: "/opt/web/ui-key.pem",
      },
    }));
    const c1 = backendConfig(custom, custom.backends[0]!);
    assert.equal(valueOf(c1, "key-file"), "/opt/sensu/ssl/backend-1.example.com-key.pem");
    assert.equal(valueOf(c1, "dashboard-cert-file"), "/opt/web/ui.pem");
  });
});
