import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import type { Bundle } from "../bundle/bundle";
import { crossCheckInput } from "../bundle/cross-check-input";
import { generateBundle, issuedPems } from "../bundle/generate";
import type { IssuedPems } from "../bundle/issued-pems";
import { buildManifest } from "../bundle/manifest";
import { guidePlan } from "../bundle/test-plan.test-helper";
import { nodeCrypto } from "../pki/node-crypto";
import { NOW } from "../wizard/test-helpers";
import type { ConfigValue } from "./config-entry";
import type { Connection, HostView } from "./connection";
import { crossCheck, type CrossCheckInput } from "./cross-check";

let crypto: Crypto;
let good: Bundle;
let pems: IssuedPems;
const plan = guidePlan();

before(async () => {
  crypto = await nodeCrypto();
  good = await generateBundle(crypto, NOW, plan);
  pems = await issuedPems(crypto, NOW, plan, () => {});
});

const fresh = (): CrossCheckInput => crossCheckInput(plan, buildManifest(plan, pems, NOW), NOW);
const failing = (rows: Connection[]) => rows.filter((r) => r.status === "fail");
const row = (rows: Connection[], id: string) => {
  const r = rows.find((x) => x.id === id);
  assert.ok(r, `row ${id}`);
  return r;
};
const problems = (r: Connection) =>
  r.checks
    .filter((c) => !c.ok)
    .map((c) => c.detail)
    .join(" / ");

function set(view: HostView, key: string, value: ConfigValue): void {
  const entry = view.config.entries.find((e) => e.key === key);
  assert.ok(entry, key);
  entry.value = value;
}

describe("the connection cross-check", () => {
  it("passes every connection of the guide's plan and notes nothing in the separate-CA layout", () => {
    assert.deepEqual(failing(good.connections), []);
    assert.equal(
      good.connections.filter((c) => c.kind === "etcd-peer").length,
      6,
      "both directions between three members",
    );
    assert.equal(good.connections.filter((c) => c.kind === "agent").length, 3);
    assert.equal(row(good.connections, "etcd-agent:backend-1").status, "pass", "agent certificates cannot open etcd");
    assert.ok(good.zip.length > 0);
  });

  it("fails the peer rows when a backend certificate lacks its IP SAN, and offers no zip", async () => {
    const broken = guidePlan();
    const b2 = broken.backends[1]!;
    b2.sans = b2.sans.filter((s) => s.value !== "10.0.0.2");
    const bundle = await generateBundle(crypto, NOW, broken);
    const bad = failing(bundle.connections)
      .map((r) => r.id)
      .sort();
    assert.deepEqual(bad, [
      "etcd-client:backend-2",
      "etcd-peer:backend-1:backend-2",
      "etcd-peer:backend-2:backend-1",
      "etcd-peer:backend-2:backend-3",
      "etcd-peer:backend-3:backend-2",
    ]);
    assert.match(
      problems(row(bundle.connections, "etcd-peer:backend-1:backend-2")),
      /10\.0\.0\.2 is not among its names/,
    );
    assert.match(
      problems(row(bundle.connections, "etcd-peer:backend-2:backend-1")),
      /etcd refuses a peer whose address is not an IP SAN/,
    );
    assert.equal(bundle.zip.length, 0, "nothing half-made is offered");
  });

  it("fails an agent certificate presented as a server", async () => {
    const input = fresh();
    const agentPem = input.agentCertificate?.pem ?? "";
    (input.backends[0]!.files as Map<string, string>).set("/etc/sensu/tls/backend-1.example.com.pem", agentPem);
    const rows = await crossCheck(crypto, input);
    const r = row(rows, "agent:agent:backend-1");
    assert.equal(r.status, "fail");
    assert.match(problems(r), /Not usable as a TLS server: it lacks serverAuth/);
    assert.match(
      problems(r),
      /did not sign this certificate/,
      "the agent CA is not the CA agents verify backends with",
    );
  });

  it("fails an http URL anywhere etcd listens or advertises", async () => {
    const input = fresh();
    set(input.backends[0]!, "etcd-listen-client-urls", ["http://10.0.0.1:2379"]);
    const rows = await crossCheck(crypto, input);
    assert.deepEqual(
      failing(rows).map((r) => r.id),
      ["etcd-client:backend-1"],
    );
    assert.match(
      problems(row(rows, "etcd-client:backend-1")),
      /etcd-listen-client-urls on backend-1 is http:\/\/10\.0\.0\.1:2379: plaintext\. Use https:\/\//,
    );
  });

  it("fails a member missing from etcd-initial-cluster", async () => {
    const input = fresh();
    set(input.backends[0]!, "etcd-initial-cluster", "backend-1=https://10.0.0.1:2380,backend-2=https://10.0.0.2:2380");
    const rows = await crossCheck(crypto, input);
    assert.deepEqual(
      failing(rows).map((r) => r.id),
      ["etcd-peer:backend-1:backend-3"],
    );
    assert.match(
      problems(row(rows, "etcd-peer:backend-1:backend-3")),
      /backend-1's etcd-initial-cluster does not list backend-3/,
    );
  });

  it("fails a backend URL or api-url whose host no certificate names, and a ws:// agent URL", async () => {
    const input = fresh();
    set(input.agents[0]!, "backend-url", [
      "wss://backend-1.example.com:8081",
      "ws://backend-2.example.com:8081",
      "wss://sensu.example.org:8081",
    ]);
    set(input.backends[0]!, "api-url", "https://sensu-api.example.com:8080");
    const rows = await crossCheck(crypto, input);
    assert.deepEqual(
      failing(rows).map((r) => r.id),
      ["agent:agent:backend-2", "agent:agent:backend-3", "api-url:backend-1"],
    );
    assert.match(problems(row(rows, "agent:agent:backend-2")), /plaintext/);
    assert.match(
      problems(row(rows, "agent:agent:backend-3")),
      /sensu\.example\.org is not among its names \(backend-3\.example\.com, backend-3, localhost, 10\.0\.0\.3, 127\.0\.0\.1, ::1\)/,
    );
    assert.match(problems(row(rows, "api-url:backend-1")), /sensu-api\.example\.com is not among its names/);
  });

  it("fails expired certificates, and notes the single-CA trade-off", async () => {
    const later = { ...fresh(), now: new Date(NOW.getTime() + 200 * 86_400_000) };
    const rows = await crossCheck(crypto, later);
    assert.ok(rows.filter((r) => r.checks.some((c) => /expired on/.test(c.detail))).length > 10);
    const single = guidePlan((i) => ({ ...i, plan: { ...i.plan, caLayout: "single" } }));
    const bundle = await generateBundle(crypto, NOW, single);
    const note = row(bundle.connections, "etcd-agent:backend-1");
    assert.equal(note.status, "note");
    assert.match(note.note ?? "", /etcd accepts this agent certificate/);
  });

  it("fails mTLS when the backend does not trust the agent CA", async () => {
    const input = fresh();
    set(input.backends[2]!, "agent-auth-trusted-ca-file", "/etc/sensu/tls/ca.pem");
    const rows = await crossCheck(crypto, input);
    assert.deepEqual(
      failing(rows).map((r) => r.id),
      ["agent:agent:backend-3"],
    );
    assert.match(
      problems(row(rows, "agent:agent:backend-3")),
      /backend-3 verifies with \/etc\/sensu\/tls\/ca\.pem, which did not sign this certificate \(issuer CN=Sensu Agent CA\)/,
    );
  });
});
