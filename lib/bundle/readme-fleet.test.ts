import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { load } from "js-yaml";

import { nodeCrypto } from "../pki/node-crypto";
import { NOW } from "../wizard/test-helpers";
import { replaceAgents } from "../wizard/update";
import type { Bundle } from "./bundle";
import { generateBundle } from "./generate";
import { README_AGENT_SECTIONS } from "./readme-fleet";
import { guidePlan } from "./test-plan.test-helper";

const AGENTS = Array.from({ length: README_AGENT_SECTIONS + 5 }, (_, i) => `fleet-${i}.example.com`);
let bundle: Bundle;
const file = (path: string) => bundle.entries.find((e) => e.path === path)?.content ?? "";

describe("a fleet's README and users file", () => {
  before(async () => {
    const plan = guidePlan((i) => ({
      ...replaceAgents(i, AGENTS),
      mtls: { ...i.mtls, enabled: true, bindUsers: true },
    }));
    bundle = await generateBundle(await nodeCrypto(), NOW, plan);
  });

  it("summarises the agents once, pointing at agents/index.csv, instead of a section per agent", () => {
    const readme = file("README.md");
    assert.match(readme, /- Agent certificates: 15, from `fleet-0\.example\.com` to `fleet-14\.example\.com`/);
    assert.match(readme, /agents\/index\.csv/);
    assert.equal(readme.match(/^### Agents \(15 certificates\)$/gm)?.length, 1);
    assert.doesNotMatch(readme, /Agents using the certificate/);
    assert.doesNotMatch(readme, /agents\/fleet-7\.example\.com\//, "other agents' folders are not listed file by file");
    assert.match(readme, /ok: all 45 connections/);
    assert.match(readme, /and 14 more agent certificates/);
  });

  it("lists every agent in agents/index.csv and gives every CN its own Sensu user", () => {
    const index = file("agents/index.csv").trim().split("\r\n").slice(1);
    assert.deepEqual(
      index.map((line) => line.split(",")[0]),
      AGENTS,
    );
    const docs = file("operator/agent-users.yml")
      .split(/^---$/m)
      .filter((d) => d.trim() !== "")
      .map((d) => load(d) as { type?: string; spec?: { username?: string; password?: string } } | null);
    const users = docs.filter((d) => d?.type === "User");
    assert.ok(
      users.every((u) => (u?.spec?.password ?? "").length >= 16),
      "each user has its own random password",
    );
    assert.deepEqual(users.map((u) => u?.spec?.username).sort(), [...AGENTS].sort());
  });

  it("gives every agent the same install.sh and CA file, so the zip stores each text once", () => {
    const scripts = new Set(AGENTS.map((cn) => file(`agents/${cn}/install.sh`)));
    assert.equal(scripts.size, 1, "one script for the whole fleet");
    assert.match([...scripts][0]!, /^# Installs this agent's certificates/m);
    assert.doesNotMatch([...scripts][0]!, /fleet-\d/, "the script does not name an agent");
    assert.equal(new Set(AGENTS.map((cn) => file(`agents/${cn}/etc/sensu/tls/ca.pem`))).size, 1);
  });
});
