import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { load, loadAll } from "js-yaml";

import { nodeCrypto } from "../pki/node-crypto";
import { ROLE_AGENT_FILES, roleBackendTlsPaths } from "../sensu/ansible-role";
import { backendConfig } from "../sensu/backend-config";
import { crossCheck } from "../sensu/cross-check";
import { parsePlanFile } from "../wizard/plan-file";
import { NOW } from "../wizard/test-helpers";
import { ansibleConnections } from "./ansible-cross-check";
import { ANSIBLE_SCHEMA, Unsafe } from "./ansible-yaml";
import type { Bundle } from "./bundle";
import { crossCheckInput } from "./cross-check-input";
import { generateBundle, issuedPems } from "./generate";
import { buildManifest } from "./manifest";
import { plannedEntries } from "./planned";
import { guidePlan } from "./test-plan.test-helper";

const withAnsible = guidePlan((i) => ({ ...i, plan: { ...i.plan, ansible: true } }));
let crypto: Crypto;
let bundle: Bundle;

before(async () => {
  crypto = await nodeCrypto();
  bundle = await generateBundle(crypto, NOW, withAnsible);
});

const file = (b: Bundle, path: string) => {
  const e = b.entries.find((x) => x.path === path);
  assert.ok(e, `${path} is in the bundle`);
  return e;
};

/** A vars file as Ansible reads it: `!unsafe` values become their text. */
function vars(b: Bundle, path: string): Record<string, unknown> {
  const plain = (v: unknown): unknown =>
    v instanceof Unsafe
      ? v.text
      : Array.isArray(v)
        ? v.map(plain)
        : v !== null && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
          : v;
  return plain(load(file(b, path).content, { schema: ANSIBLE_SCHEMA })) as Record<string, unknown>;
}

/** The bundle file a `{{ playbook_dir }}/…` source names. */
const sourceOf = (b: Bundle, value: unknown) =>
  file(b, String(value).replace("{{ playbook_dir }}/", "ansible/")).content;

describe("the Ansible tree", () => {
  it("is added only when the plan asks for it", async () => {
    const without = await generateBundle(crypto, NOW, guidePlan());
    assert.ok(!without.entries.some((e) => e.path.startsWith("ansible/")));
    assert.deepEqual(
      bundle.entries.filter((e) => e.path.startsWith("ansible/")).map((e) => e.path),
      [
        "ansible/README.md",
        "ansible/inventory.yml",
        "ansible/site.yml",
        "ansible/group_vars/backends.yml",
        "ansible/group_vars/agents.yml",
        "ansible/group_vars/agents_agent.yml",
        "ansible/host_vars/backend-1.yml",
        "ansible/host_vars/backend-2.yml",
        "ansible/host_vars/backend-3.yml",
        "ansible/expiry-checks.yaml",
        "ansible/pki/ca.pem",
        "ansible/pki/backend-1.example.com.pem",
        "ansible/pki/backend-1.example.com-key.pem",
        "ansible/pki/agent-ca.pem",
        "ansible/pki/backend-2.example.com.pem",
        "ansible/pki/backend-2.example.com-key.pem",
        "ansible/pki/backend-3.example.com.pem",
        "ansible/pki/backend-3.example.com-key.pem",
        "ansible/pki/agent.pem",
        "ansible/pki/agent-key.pem",
      ],
    );
  });

  it("records private keys and the admin password 0600, everything else 0644", () => {
    for (const e of bundle.entries.filter((x) => x.path.startsWith("ansible/"))) {
      const secret = e.content.includes("PRIVATE KEY") || e.path === "ansible/group_vars/backends.yml";
      assert.equal(e.mode, secret ? 0o600 : 0o644, e.path);
    }
    assert.match(String(vars(bundle, "ansible/group_vars/backends.yml").cluster_admin_password), /^[A-Za-z0-9_-]{43}$/);
  });

  it("lists the backends group by member name with each first IP, and a group per agent certificate", () => {
    const inventory = vars(bundle, "ansible/inventory.yml") as {
      all: { children: { backends: { hosts: Record<string, { ansible_host: string }> }; agents: unknown } };
    };
    assert.deepEqual(inventory.all.children.backends.hosts, {
      "backend-1": { ansible_host: "10.0.0.1" },
      "backend-2": { ansible_host: "10.0.0.2" },
      "backend-3": { ansible_host: "10.0.0.3" },
    });
    assert.deepEqual(inventory.all.children.agents, { children: { agents_agent: { hosts: {} } } });
  });

  it("points each role variable at a pki/ copy of the host folder's file, and backend_config at the role's copies", () => {
    for (const [i, b] of withAnsible.backends.entries()) {
      const v = vars(bundle, `ansible/host_vars/${b.name}.yml`);
      const folder = `backends/${b.name}/etc/sensu/tls`;
      const cert = file(bundle, `${folder}/${b.fqdn}.pem`).content;
      const key = file(bundle, `${folder}/${b.fqdn}-key.pem`).content;
      const ca = file(bundle, `${folder}/ca.pem`).content;
      for (const prefix of ["etcd", "etcd_peer", "api"]) {
        assert.equal(sourceOf(bundle, v[`${prefix}_cert_file`]), cert, prefix);
        assert.equal(sourceOf(bundle, v[`${prefix}_key_file`]), key, prefix);
        assert.equal(sourceOf(bundle, v[`${prefix}_trusted_ca_file`]), ca, prefix);
      }
      assert.deepEqual(
        (v.sensu_tls_agent_auth_files as { src: string; dest: string; mode: string }[]).map((f) => [
          sourceOf(bundle, f.src),
          f.dest,
          f.mode,
        ]),
        [
          [cert, "/etc/sensu/agent-auth.crt", "0644"],
          [key, "/etc/sensu/agent-auth.key", "0400"],
          [file(bundle, `${folder}/agent-ca.pem`).content, "/etc/sensu/agent-auth-ca.crt", "0644"],
        ],
      );
      const expected = backendConfig(withAnsible, withAnsible.backends[i]!, roleBackendTlsPaths(withAnsible));
      assert.deepEqual(v.backend_config, Object.fromEntries(expected.entries.map((e) => [e.key, e.value])));
      // Every key the role would otherwise fill with a single-node default is the plan's.
      const config = v.backend_config as Record<string, unknown>;
      assert.equal(
        config["etcd-initial-cluster"],
        withAnsible.backends.map((x, n) => `${x.name}=https://10.0.0.${n + 1}:2380`).join(","),
      );
      assert.deepEqual(config["etcd-advertise-client-urls"], [`https://10.0.0.${i + 1}:2379`]);
      assert.equal(config["etcd-cert-file"], "/etc/sensu/etcd-client.crt");
    }
  });

  it("gives every agent an explicit wss backend-url and leaves the keys the role writes itself to the role", () => {
    const v = vars(bundle, "ansible/group_vars/agents.yml");
    assert.equal(sourceOf(bundle, v.agent_trusted_ca_file), file(bundle, "ca/ca.pem").content);
    assert.deepEqual(v.agent_config, {
      "backend-url": [1, 2, 3].map((n) => `wss://backend-${n}.example.com:8081`),
      "cert-file": ROLE_AGENT_FILES.cert,
      "key-file": ROLE_AGENT_FILES.key,
    });
    const group = vars(bundle, "ansible/group_vars/agents_agent.yml").sensu_tls_agent_files as { src: string }[];
    assert.deepEqual(
      group.map((f) => sourceOf(bundle, f.src)),
      [
        file(bundle, "agents/agent/etc/sensu/tls/agent.pem").content,
        file(bundle, "agents/agent/etc/sensu/tls/agent-key.pem").content,
      ],
    );
  });

  it("writes a value from the plan as !unsafe, so Ansible never runs Jinja typed into a field", async () => {
    const hostile = "https://crl.example.com/{{ansible_env}}.crl";
    const plan = guidePlan((i) => ({
      ...i,
      plan: { ...i.plan, ansible: true },
      revocation: { ...i.revocation, crlUrl: "https://crl.example.com/agent-ca.crl" },
    }));
    // The Revocation step refuses braces in a URL (RFC 3986); the generator must still be safe on
    // its own, so the hostile value goes straight into the resolved plan.
    if (!plan.revocation) throw new Error("the test plan has no CRL");
    plan.revocation.crlUrl = hostile;
    const b = await generateBundle(crypto, NOW, plan);
    const text = file(b, "ansible/host_vars/backend-1.yml").content;
    assert.ok(text.includes(`!unsafe ${hostile}`) || text.includes(`!unsafe "${hostile}"`), text);
    const config = vars(b, "ansible/host_vars/backend-1.yml").backend_config as Record<string, unknown>;
    assert.deepEqual(config["agent-auth-crl-urls"], [hostile]);
    // The only templates in any vars file are the tree's own source paths.
    for (const e of b.entries.filter((x) => /^ansible\/.*vars\/|inventory/.test(x.path)))
      for (const line of e.content.split("\n").filter((l) => l.includes("{{")))
        assert.match(line, /!unsafe|"\{\{ playbook_dir \}\}\/pki\/[\w.-]+"/, `${e.path}: ${line}`);
  });

  it("watches each role file once, on every host that has it", () => {
    const checks = loadAll(file(bundle, "ansible/expiry-checks.yaml").content) as {
      metadata: { name: string };
      spec: { command: string; subscriptions: string[] };
    }[];
    assert.deepEqual(
      checks.map((c) => [c.metadata.name, c.spec.subscriptions]),
      [
        ["cert-expiry-api-ca.crt", ["sensu-backend"]],
        ["cert-expiry-agent-auth-ca.crt", ["sensu-backend"]],
        ["cert-expiry-api.crt", ["entity:backend-1", "entity:backend-2", "entity:backend-3"]],
        ["cert-expiry-agent.crt", ["agent-cert"]],
      ],
    );
    assert.match(checks[2]!.spec.command, /^f='\/etc\/sensu\/api\.crt'/);
  });

  it("is kept in the plan file, so a bundle made from it again has the tree too", () => {
    const saved = parsePlanFile(file(bundle, "sensu-tls-plan.json").content);
    assert.ok(saved.ok);
    assert.equal(saved.value.input.plan.ansible, true);
    const old = parsePlanFile(file(bundle, "sensu-tls-plan.json").content.replace(/,\s*"ansible": true/, ""));
    assert.ok(old.ok, "a plan file from before the option still loads");
    assert.equal(old.value.input.plan.ansible, undefined);
  });

  it("matches the planned file tree shown before generation", () => {
    assert.deepEqual(
      plannedEntries(withAnsible).map((e) => [e.path, e.mode, e.purpose]),
      bundle.entries.map((e) => [e.path, e.mode, e.purpose]),
    );
  });

  it("checks every connection again with the role's file names, and names the tree when one fails", async () => {
    assert.ok(!bundle.connections.some((c) => c.id.startsWith("ansible:")), "passing rows stay out of the table");
    assert.match(file(bundle, "README.md").content, /its \d+ connections were checked with them: all passed/);
    const manifest = buildManifest(withAnsible, await issuedPems(crypto, NOW, withAnsible, () => {}), NOW);
    const ok = await ansibleConnections(crypto, withAnsible, manifest, NOW);
    assert.equal(ok.length, (await crossCheck(crypto, crossCheckInput(withAnsible, manifest, NOW))).length);
    assert.ok(ok.every((c) => c.status !== "fail"));
    // The role's CA copy on backend-2 lost: every connection that verifies with it fails, in this tree only.
    const broken = manifest.ansible!.backends[1]!;
    broken.installs = broken.installs.filter((i) => i.installTo !== "/etc/sensu/etcd-peer-ca.crt");
    const rows = await ansibleConnections(crypto, withAnsible, manifest, NOW);
    const failed = rows.filter((c) => c.status === "fail");
    assert.ok(failed.length > 0);
    for (const c of failed) {
      assert.match(c.from, /\(Ansible tree\)$/);
      assert.match(c.id, /^ansible:etcd/);
    }
  });
});
