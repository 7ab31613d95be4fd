import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { load, loadAll } from "js-yaml";

import { hostLayouts } from "../bundle/host-layout";
import { guidePlan } from "../bundle/test-plan.test-helper";
import { checksJson, checksYaml, expiryChecks, expiryCommand, expiryTargets, shellQuote } from "./expiry-checks";

describe("certificate expiry checks", () => {
  it("emit one CheckConfig per backend and CA certificate and one for the agents, at the installed paths", () => {
    const targets = expiryTargets(hostLayouts(guidePlan()));
    assert.deepEqual(
      targets.map((t) => [t.role, t.certPath, t.subscriptions.join()]),
      [
        ["ca", "/etc/sensu/tls/ca.pem", "sensu-backend"],
        ["ca", "/etc/sensu/tls/agent-ca.pem", "sensu-backend"],
        ["backend", "/etc/sensu/tls/backend-1.example.com.pem", "entity:backend-1"],
        ["backend", "/etc/sensu/tls/backend-2.example.com.pem", "entity:backend-2"],
        ["backend", "/etc/sensu/tls/backend-3.example.com.pem", "entity:backend-3"],
        ["agent", "/etc/sensu/tls/agent.pem", "agent-cert"],
      ],
    );
    const r = expiryChecks(targets);
    assert.ok(r.ok);
    const first = r.value[2]!;
    assert.equal(first.metadata.name, "cert-expiry-backend-1.example.com");
    assert.deepEqual(
      { ...first.spec, command: "" },
      { command: "", subscriptions: ["entity:backend-1"], interval: 43200, timeout: 30, publish: true },
    );
    assert.match(first.spec.command, /-checkend 604800 .*exit 2.*-checkend 2592000 .*exit 1/);
  });

  it("check the agent CA only where backends hold it: with agent mTLS", () => {
    const noMtls = guidePlan((i) => ({ ...i, mtls: { enabled: false, bindUsers: false } }));
    assert.ok(!expiryTargets(hostLayouts(noMtls)).some((t) => t.certPath.endsWith("agent-ca.pem")));
  });

  it("parse back from YAML and JSON to the same objects", () => {
    const r = expiryChecks(expiryTargets(hostLayouts(guidePlan())), {
      warningDays: 45,
      criticalDays: 10,
      intervalSeconds: 3600,
      namespace: "ops",
    });
    assert.ok(r.ok);
    assert.deepEqual(loadAll(checksYaml(r.value)), r.value);
    const json = checksJson(r.value)
      .trim()
      .split(/\n(?=\{)/)
      .map((t) => JSON.parse(t));
    assert.deepEqual(json, r.value);
    assert.equal(r.value[0]!.metadata.namespace, "ops");
    assert.match(r.value[0]!.spec.command, /-checkend 864000 .*within 10 days.*-checkend 3888000 .*within 45 days/);
    assert.deepEqual(load(checksYaml(r.value.slice(0, 1)).replace(/^---\n/, "")), r.value[0]);
  });

  it("refuse thresholds that make no sense", () => {
    const t = [{ role: "ca" as const, certPath: "/etc/sensu/tls/ca.pem", subscriptions: ["x"] }];
    const message = (o: Parameters<typeof expiryChecks>[1]) => {
      const r = expiryChecks(t, o);
      return r.ok ? "" : r.message;
    };
    assert.equal(
      message({ warningDays: 7, criticalDays: 7 }),
      "The critical threshold (7 days) must be fewer days than the warning threshold (7 days).",
    );
    assert.match(message({ warningDays: 1.5 }), /warning threshold must be a whole number/);
    assert.match(message({ intervalSeconds: 5 }), /at least 60/);
    const twice = expiryChecks([...t, ...t]);
    assert.match(twice.ok ? "" : twice.message, /share the check name "cert-expiry-ca"/);
  });

  it("quote paths as one shell word", () => {
    assert.equal(shellQuote("/a b/it's.pem"), `'/a b/it'\\''s.pem'`);
    assert.ok(expiryCommand("/x.pem", 30, 7).startsWith("f='/x.pem'; "));
  });
});
