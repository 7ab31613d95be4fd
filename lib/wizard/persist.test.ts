import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { defaultInput } from "./model";
import { loadOrDefault, parseSavedInput, parseVisited, serializeInput, storageText } from "./persist";
import { patchBackend, removeAgent, replaceAgents, setBackendCount } from "./update";

describe("persisted inputs", () => {
  it("round-trip, bad values included, so a reload loses nothing", () => {
    const input = patchBackend(defaultInput(), "b1", { ips: "555.1.1.1" });
    assert.deepEqual(parseSavedInput(serializeInput(input)), input);
    const badCount = setBackendCount(defaultInput(), "zero");
    assert.deepEqual(parseSavedInput(serializeInput(badCount)), badCount, "an invalid count keeps its rows");
  });

  it("refuse anything that is not a saved input of this schema", () => {
    const good = JSON.parse(serializeInput(defaultInput()));
    const broken = [
      null,
      "",
      "{",
      "[]",
      JSON.stringify({ ...good, schemaVersion: 3 }),
      JSON.stringify({ ...good, api: { ...good.api, dashboard: "self-signed" } }),
      JSON.stringify({ ...good, transport: { urlHosts: { b1: 7 } } }),
      JSON.stringify({ ...good, mtls: { enabled: "yes", bindUsers: false } }),
      JSON.stringify({ ...good, etcd: undefined }),
      JSON.stringify({ ...good, assets: { ...good.assets, mode: "everything" } }),
      JSON.stringify({ ...good, assets: { ...good.assets, choices: [{ asset: "a", build: "1", commands: "" }] } }),
      JSON.stringify({ ...good, assets: { ...good.assets, files: [{ name: "a.yml" }] } }),
      JSON.stringify({ ...good, plan: { ...good.plan, keyAlgorithm: "dsa-1024" } }),
      JSON.stringify({ ...good, backends: { ...good.backends, rows: [{ id: "x" }] } }),
      JSON.stringify({ ...good, agents: { rows: "agent", validityHours: "1" } }),
      JSON.stringify({ ...good, agents: { ...good.agents, rows: [good.agents.rows[0], good.agents.rows[0]] } }),
      JSON.stringify({ ...good, backends: { ...good.backends, rows: good.backends.rows.slice(0, 2) } }),
      JSON.stringify({
        ...good,
        plan: { ...good.plan, backendCount: "8" },
        backends: {
          ...good.backends,
          rows: Array.from({ length: 8 }, (_, n) => ({ ...good.backends.rows[0], id: `b${n}` })),
        },
      }),
    ];
    for (const text of broken) assert.equal(parseSavedInput(text), null, String(text));
    assert.deepEqual(loadOrDefault("{"), defaultInput());
  });

  it("hold no key material: only the documented fields", () => {
    const text = serializeInput(defaultInput());
    assert.doesNotMatch(text, /PRIVATE KEY|BEGIN/);
    assert.deepEqual(Object.keys(JSON.parse(text)).sort(), [
      "agents",
      "api",
      "assets",
      "backends",
      "ca",
      "etcd",
      "mtls",
      "plan",
      "renew",
      "revocation",
      "schemaVersion",
      "transport",
    ]);
  });

  it("upgrade a schema-1 input: its rows kept, new sections defaulted, 6.4+ read as 6.4 – 6.11", () => {
    const { etcd, api, transport, mtls, revocation, ...rest } = patchBackend(defaultInput(), "b2", {
      fqdn: "kept.example.com",
    });
    const { tlsDir, ...plan } = rest.plan;
    const v1 = { ...rest, schemaVersion: 1, plan: { ...plan, sensuVersion: "6.4+" } };
    const upgraded = parseSavedInput(JSON.stringify(v1));
    assert.ok(upgraded);
    assert.equal(upgraded.backends.rows[1]?.fqdn, "kept.example.com");
    assert.equal(upgraded.plan.sensuVersion, "6.4-6.11");
    assert.deepEqual({ etcd: upgraded.etcd, api: upgraded.api, tlsDir: upgraded.plan.tlsDir }, { etcd, api, tlsDir });
    assert.deepEqual(
      { transport: upgraded.transport, mtls: upgraded.mtls, revocation: upgraded.revocation },
      { transport, mtls, revocation },
    );
  });

  it("never store a CA key, even one pasted into the certificate field", () => {
    const input = defaultInput();
    const cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
    const key = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----";
    input.ca = {
      ...input.ca,
      source: "existing",
      existing: { certPem: `${key}\n${cert}`, keyPem: key },
      agentExisting: { certPem: key, keyPem: key },
    };
    const text = serializeInput(input);
    assert.doesNotMatch(text, /PRIVATE KEY/);
    assert.equal(parseSavedInput(text)?.ca.existing.certPem, cert);
  });

  it("read an input saved before CA checks left it, dropping their check: null", () => {
    const saved = JSON.parse(serializeInput(defaultInput()));
    saved.ca.existing.check = null;
    saved.ca.corporate.check = null;
    assert.deepEqual(parseSavedInput(JSON.stringify(saved)), defaultInput());
    saved.ca.corporate.files = [{ name: "a-key.pem", text: "key" }];
    assert.equal(parseSavedInput(JSON.stringify(saved)), null, "loaded files (keys) are never read from storage");
  });

  it("drop a key they do not know (a neighbouring build's) instead of losing every input", () => {
    const saved = JSON.parse(serializeInput(patchBackend(defaultInput(), "b1", { ips: "10.9.9.9" })));
    saved.futureSetting = true;
    saved.plan.alsoNew = "x";
    const back = parseSavedInput(JSON.stringify(saved));
    assert.equal(back?.backends.rows[0]?.ips, "10.9.9.9");
    assert.equal(JSON.stringify(back).includes("futureSetting"), false);
  });

  it("store a fleet as a list of names, a third of the rows' size, read back in order", () => {
    const input = replaceAgents(
      defaultInput(),
      Array.from({ length: 10_000 }, (_, i) => `agent-${i + 1}`),
    );
    const text = storageText(input);
    assert.ok(text.length < serializeInput(input).length / 2.5, `${text.length} vs ${serializeInput(input).length}`);
    const stored = JSON.parse(text) as { agents: { rows?: unknown; names?: unknown[] } };
    assert.ok(stored.agents.rows === undefined && stored.agents.names?.length === 10_000, "names, not rows");
    const back = parseSavedInput(text);
    assert.deepEqual(back, input, "rows come back in order, numbered as a bulk list numbers them");
    // Ids are this tab's keys only: rows edited out of order come back renumbered, names intact.
    const edited = removeAgent(input, "a2");
    assert.deepEqual(parseSavedInput(storageText(edited))?.agents.rows.slice(0, 3), [
      { id: "a1", commonName: "agent-1" },
      { id: "a2", commonName: "agent-3" },
      { id: "a3", commonName: "agent-4" },
    ]);
    // A stored list that is not all names is refused like any malformed input.
    const bad = JSON.parse(text) as { agents: { names: unknown[] } };
    bad.agents.names[5] = { id: "x" };
    assert.equal(parseSavedInput(JSON.stringify(bad)), null);
  });

  it("visited steps drop unknown ids", () => {
    assert.deepEqual(parseVisited(JSON.stringify(["ca", "nope", "plan"])), ["plan", "ca"]);
    assert.deepEqual(parseVisited("garbage"), []);
  });
});
