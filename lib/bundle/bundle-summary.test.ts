import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Connection } from "../sensu/connection";
import type { Bundle } from "./bundle";
import { LISTED_PASSES, summarizeBundle } from "./bundle-summary";

const connection = (kind: Connection["kind"], from: string, to: string, status: Connection["status"]): Connection => ({
  id: `${kind}:${from}:${to}`,
  kind,
  from,
  to,
  url: `wss://${to}:8081`,
  port: 8081,
  presented: `${to}/backend.pem`,
  verifiedWith: "ca.pem",
  status,
  checks: [{ label: "chain", ok: status !== "fail", detail: status === "fail" ? "not signed by ca.pem" : "ok" }],
});

const AGENTS = Array.from({ length: 1000 }, (_, i) => `agent-${i}`);
const BACKENDS = ["b1", "b2", "b3"];
const day = (d: string) => new Date(`${d}T00:00:00Z`);

function fleetBundle(failing: string[]): Bundle {
  return {
    entries: [
      { path: "README.md", mode: 0o644, kind: "document", purpose: "r", host: "offline", content: "# secret-free" },
      ...AGENTS.map((cn) => ({
        path: `agents/${cn}/agent.key`,
        mode: 0o600,
        kind: "private-key" as const,
        purpose: "key",
        host: cn,
        content: "-----BEGIN PRIVATE KEY-----",
      })),
    ],
    zip: new Uint8Array([1, 2, 3]),
    expiries: [
      { path: "backends/b1/backend.pem", subject: "CN=b1", notAfter: day("2027-01-01") },
      ...AGENTS.map((cn) => ({ path: `agents/${cn}/agent.pem`, subject: `CN=${cn}`, notAfter: day("2027-06-01") })),
      { path: "ca.pem", subject: "CN=CA", notAfter: day("2036-01-01") },
    ],
    connections: [
      ...AGENTS.flatMap((cn) =>
        BACKENDS.map((b) => connection("agent", cn, b, failing.includes(`${cn}:${b}`) ? "fail" : "pass")),
      ),
      connection("etcd-peer", "b1", "b2", "pass"),
    ],
    generatedAt: day("2026-12-03"),
  };
}

describe("the summary the generation Worker posts back", () => {
  it("carries no file content, only the rows of the file table", () => {
    const summary = summarizeBundle(fleetBundle([]));
    assert.equal(summary.files.length, 1001);
    assert.ok(summary.files.every((f) => !("content" in f)));
    assert.ok(!JSON.stringify(summary.files).includes("PRIVATE KEY"));
  });

  it("counts a fleet's passing connections instead of listing them, and lists every failure in full", () => {
    const summary = summarizeBundle(fleetBundle(["agent-7:b2", "agent-999:b3"]));
    assert.deepEqual(
      summary.groups.find((g) => g.kind === "agent"),
      {
        kind: "agent",
        total: 3000,
        failed: 2,
        from: 1000,
        to: 3,
      },
    );
    assert.deepEqual(
      summary.connections.filter((c) => c.kind === "agent").map((c) => c.id),
      ["agent:agent-7:b2", "agent:agent-999:b3"],
    );
    assert.ok(
      summary.connections.every((c) => c.kind !== "agent" || c.checks.length > 0),
      "failures keep checks",
    );
    // A kind with few connections is still listed row by row.
    assert.equal(summary.connections.filter((c) => c.kind === "etcd-peer").length, 1);
    assert.ok(LISTED_PASSES < 3000);
  });

  it("puts a fleet's agent certificates expiring on one day on one line", () => {
    const { expiries } = summarizeBundle(fleetBundle([]));
    assert.deepEqual(
      expiries.map((e) => [e.path, e.count]),
      [
        ["backends/b1/backend.pem", 1],
        ["agents/agent-0/agent.pem", 1000],
        ["ca.pem", 1],
      ],
    );
  });
});
