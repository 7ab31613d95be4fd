import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAll } from "js-yaml";

import type { ResolvedPlan } from "../plan/resolved-plan";
import type { CheckConfig } from "../sensu/expiry-checks";
import { replaceAgents, setBackendCount } from "../wizard/update";
import { hostLayouts } from "./host-layout";
import { monitoredTargets, monitoringFiles, planExpiryChecks, subscriptionNotes } from "./monitoring";
import { guidePlan } from "./test-plan.test-helper";

const checksOf = (plan: ResolvedPlan) => planExpiryChecks(plan, hostLayouts(plan));
const targetsOf = (plan: ResolvedPlan) => monitoredTargets(hostLayouts(plan));

describe("the bundle's expiry checks", () => {
  it("use the plan's thresholds and one check per certificate", () => {
    const plan = guidePlan((i) => ({ ...i, renew: { warningDays: "60", criticalDays: "14" } }));
    const checks = checksOf(plan);
    assert.equal(checks.length, 6);
    for (const c of checks)
      assert.match(c.spec.command, /-checkend 1209600 .*within 14 days.*-checkend 5184000 .*within 60 days/);
    const [yaml, json] = monitoringFiles(plan, hostLayouts(plan));
    assert.deepEqual([yaml?.path, json?.path], ["monitoring/expiry-checks.yaml", "monitoring/expiry-checks.json"]);
    assert.deepEqual(loadAll(yaml?.content ?? ""), checks);
  });

  it("serve a fleet of 1,000 agents with one agent check, reading the same path on each", () => {
    const plan = guidePlan((i) =>
      replaceAgents(
        i,
        Array.from({ length: 1_000 }, (_, n) => `agent-${n}`),
      ),
    );
    const hosts = hostLayouts(plan);
    assert.deepEqual(new Set(hosts.agents.map((h) => h.paths.cert)), new Set(["/etc/sensu/tls/agent.pem"]));
    const [yaml] = monitoringFiles(plan, hosts);
    const agentChecks = (loadAll(yaml?.content ?? "") as CheckConfig[]).filter(
      (c) => c.metadata.labels["cert-role"] === "agent",
    );
    assert.equal(agentChecks.length, 1);
    assert.deepEqual(agentChecks[0]?.spec.subscriptions, ["agent-cert"]);
    assert.match(agentChecks[0]?.spec.command ?? "", /^f='\/etc\/sensu\/tls\/agent\.pem'/);
    assert.equal(checksOf(plan).length, 6, "the same count as the guide's one agent");
  });

  it("add the web UI certificate only when it is issued here", () => {
    const shared = targetsOf(guidePlan()).map((t) => t.certPath);
    assert.ok(!shared.some((p) => p.endsWith("dashboard.pem")));
    const issued = targetsOf(guidePlan((i) => ({ ...i, api: { ...i.api, dashboard: "issue" } })));
    assert.deepEqual(issued.at(-1), {
      role: "backend",
      certPath: "/etc/sensu/tls/dashboard.pem",
      subscriptions: ["entity:backend-1", "entity:backend-2", "entity:backend-3"],
    });
  });

  it("say, per subscription, which checks use it and which agents must carry it", () => {
    const notes = subscriptionNotes(checksOf(guidePlan((i) => setBackendCount(i, "1"))));
    assert.deepEqual(
      notes.map((n) => [n.subscription, n.checks]),
      [
        ["sensu-backend", ["cert-expiry-ca", "cert-expiry-agent-ca"]],
        ["entity:backend-1", ["cert-expiry-backend-1.example.com"]],
        ["agent-cert", ["cert-expiry-agent"]],
      ],
    );
    assert.match(
      notes[0]?.where ?? "",
      /Add "sensu-backend" to the subscriptions in agent\.yml of the Sensu agent on each backend host/,
    );
    assert.match(notes[1]?.where ?? "", /on its own.*entity name "backend-1"/);
    assert.match(notes[2]?.where ?? "", /every agent that got a certificate from this bundle.*same path/);
  });
});

describe("the web UI certificate you supply", () => {
  it("is checked at its own path, unless its file name would clash with another check", () => {
    const own = guidePlan((i) => ({
      ...i,
      api: {
        ...i.api,
        dashboard: "file",
        dashboardCertPath: "/etc/ssl/web/sensu-ui.pem",
        dashboardKeyPath: "/etc/ssl/web/sensu-ui-key.pem",
      },
    }));
    assert.ok(targetsOf(own).some((t) => t.certPath === "/etc/ssl/web/sensu-ui.pem"));
    const clash = guidePlan((i) => ({
      ...i,
      api: {
        ...i.api,
        dashboard: "file",
        dashboardCertPath: "/etc/ssl/web/ca.pem",
        dashboardKeyPath: "/etc/ssl/web/key.pem",
      },
    }));
    assert.ok(!targetsOf(clash).some((t) => t.certPath === "/etc/ssl/web/ca.pem"));
  });
});
