import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { nodeCrypto } from "../pki/node-crypto";
import { parseConfig } from "../sensu/yaml";
import { setBackendCount } from "../wizard/update";
import { type PlaybookRun, requireRoot, runPlaybook } from "./ansible-run.test-helper";
import {
  type Cluster,
  etcdctl,
  etcdFlagsFromBackendYml,
  type Member,
  startCluster,
  waitHealthy,
} from "./etcd-cluster.test-helper";
import { generateBundle } from "./generate";
import { guidePlan } from "./test-plan.test-helper";
import { requireTool, run, unzipBundle } from "./unzipped.test-helper";

/** A value Ansible would template if it were written plainly: it must reach backend.yml as typed. */
const JINJA_IN_A_FIELD = "https://crl.example.com/{{ansible_env}}.crl";
// 127.0.3.1-3: this test's own loopback addresses, so it never meets the other etcd tests' clusters.
const plan = guidePlan((input) => {
  const next = setBackendCount({ ...input, plan: { ...input.plan, ansible: true } }, "3");
  next.backends.rows.forEach((row, i) => (row.ips = `127.0.3.${i + 1}`));
  next.revocation = { ...next.revocation, crlUrl: "https://crl.example.com/agent-ca.crl" };
  return next;
});
// The Revocation step refuses braces in a URL (RFC 3986): the generator's own safety is what is
// tested, so the value goes straight into the resolved plan.
if (plan.revocation) plan.revocation.crlUrl = JINJA_IN_A_FIELD;
const BACKENDS = ["backend-1", "backend-2", "backend-3"];
const AGENT_HOST = "agent-host-1";

describe(
  "the bundle's ansible/ tree through the real sensu.sensu_go roles, then a real etcd cluster",
  { timeout: 300_000 },
  () => {
    let dir: string;
    let cleanup = () => {};
    let cluster: Cluster | undefined;
    const runs = new Map<string, PlaybookRun>();
    const tree = () => join(dir, "files", "ansible");
    const onHost = (host: string, path: string) => join(runs.get(host)!.etc, path.replace(/^\/etc\//, ""));
    const backendClient = (host: string) => ({
      cert: onHost(host, "/etc/sensu/etcd-client.crt"),
      key: onHost(host, "/etc/sensu/etcd-client.key"),
    });
    const ca = () => onHost("backend-1", "/etc/sensu/etcd-client-ca.crt");
    const logs = () =>
      cluster
        ? readdirSync(cluster.logs)
            .map((n) => `--- ${n}\n${readFileSync(join(cluster!.logs, n), "utf8").slice(-3000)}`)
            .join("\n")
        : "";

    before(async () => {
      requireRoot();
      for (const tool of ["ansible-playbook", "ansible-vault", "unshare", "etcd", "etcdctl"]) requireTool(tool);
      const bundle = await generateBundle(await nodeCrypto(), new Date(), plan);
      assert.ok(bundle.zip.length > 0, "the cross-check passed for both trees");
      ({ dir, cleanup } = unzipBundle(bundle));
      // An agent host in the generated group for the certificate "agent", as the README says to add one.
      writeFileSync(
        join(dir, "agent-hosts.yml"),
        `all:\n  children:\n    agents_agent:\n      hosts:\n        ${AGENT_HOST}: {}\n`,
      );
      // The README's ansible-vault step: every key and the admin password encrypted in place.
      writeFileSync(join(dir, "vault-password"), "correct horse battery staple\n", { mode: 0o600 });
      const secrets = [
        "group_vars/backends.yml",
        ...readdirSync(join(tree(), "pki"))
          .filter((n) => n.endsWith("-key.pem"))
          .map((n) => `pki/${n}`),
      ];
      const vault = run(
        "ansible-vault",
        ["encrypt", "--vault-password-file", join(dir, "vault-password"), ...secrets],
        {
          cwd: tree(),
        },
      );
      assert.equal(vault.code, 0, vault.out);
      const args = [
        "-i",
        "inventory.yml",
        "-i",
        join(dir, "agent-hosts.yml"),
        "site.yml",
        "--vault-password-file",
        join(dir, "vault-password"),
        "-e",
        "sensu_tls_role_tasks=configure",
      ];
      const results = await Promise.all(
        [...BACKENDS, AGENT_HOST].map(async (host) => {
          const scratch = join(dir, "hosts", host);
          mkdirSync(scratch, { recursive: true });
          return [host, await runPlaybook({ tree: tree(), scratch, host, args })] as const;
        }),
      );
      for (const [host, result] of results) {
        assert.equal(result.code, 0, `${host}:\n${result.out}`);
        runs.set(host, result);
      }
      const members = BACKENDS.map((host): Member => {
        const config = parseConfig(readFileSync(onHost(host, "/etc/sensu/backend.yml"), "utf8"));
        const flags = etcdFlagsFromBackendYml(config, (p) => onHost(host, p));
        return { name: host, flags, clientUrl: (config["etcd-advertise-client-urls"] as string[])[0]! };
      });
      cluster = startCluster(dir, members);
    });
    after(async () => {
      await cluster?.stop();
      cleanup();
    });

    it("left the machine's /etc alone: the roles wrote into each host's scratch directory", () => {
      assert.equal(existsSync("/etc/sensu"), false);
      assert.doesNotMatch(readFileSync("/etc/passwd", "utf8"), /^sensu:x:64990:/m);
      for (const host of BACKENDS) assert.ok(existsSync(onHost(host, "/etc/sensu/backend.yml")), host);
    });

    it("renders backend.yml with the plan's etcd settings instead of the role's single-node defaults", () => {
      for (const [i, host] of BACKENDS.entries()) {
        const config = parseConfig(readFileSync(onHost(host, "/etc/sensu/backend.yml"), "utf8"));
        assert.equal(config["etcd-name"], host);
        assert.deepEqual(config["etcd-listen-client-urls"], [`https://127.0.3.${i + 1}:2379`]);
        assert.deepEqual(config["etcd-advertise-client-urls"], [`https://127.0.3.${i + 1}:2379`]);
        assert.deepEqual(config["etcd-initial-advertise-peer-urls"], [`https://127.0.3.${i + 1}:2380`]);
        assert.equal(
          config["etcd-initial-cluster"],
          "backend-1=https://127.0.3.1:2380,backend-2=https://127.0.3.2:2380,backend-3=https://127.0.3.3:2380",
        );
        assert.equal(config["etcd-cert-file"], "/etc/sensu/etcd-client.crt");
        assert.equal(config["cert-file"], "/etc/sensu/api.crt");
        assert.equal(config["agent-auth-trusted-ca-file"], "/etc/sensu/agent-auth-ca.crt");
        assert.equal(config["insecure-skip-tls-verify"], false);
        assert.deepEqual(config["agent-auth-crl-urls"], [JINJA_IN_A_FIELD], "not templated by Ansible");
      }
    });

    it("copies keys decrypted from the vault, 0400 and owned by sensu; certificates 0644", () => {
      for (const path of ["/etc/sensu/etcd-client.key", "/etc/sensu/api.key", "/etc/sensu/agent-auth.key"]) {
        const file = onHost("backend-2", path);
        assert.match(readFileSync(file, "utf8"), /^-----BEGIN PRIVATE KEY-----/, path);
        assert.equal(statSync(file).mode & 0o777, 0o400, path);
        assert.equal(statSync(file).uid, 64990, path);
      }
      assert.equal(statSync(onHost("backend-2", "/etc/sensu/api.crt")).mode & 0o777, 0o644);
      assert.equal(statSync(onHost(AGENT_HOST, "/etc/sensu/agent.key")).mode & 0o777, 0o400);
    });

    it("writes agent.yml with wss:// for every backend and the role's trusted CA", () => {
      const config = parseConfig(readFileSync(onHost(AGENT_HOST, "/etc/sensu/agent.yml"), "utf8"));
      assert.deepEqual(config["backend-url"], [
        "wss://backend-1.example.com:8081",
        "wss://backend-2.example.com:8081",
        "wss://backend-3.example.com:8081",
      ]);
      assert.equal(config["trusted-ca-file"], "/etc/sensu/sensu-agent-trusted-ca.crt");
      assert.equal(config["insecure-skip-tls-verify"], false);
      assert.equal(config["cert-file"], "/etc/sensu/agent.crt");
      assert.equal(
        readFileSync(onHost(AGENT_HOST, "/etc/sensu/sensu-agent-trusted-ca.crt"), "utf8"),
        readFileSync(join(dir, "files", "ca", "ca.pem"), "utf8"),
      );
    });

    it("starts a healthy three-member etcd cluster from the rendered backend.yml files", async () => {
      const health = await waitHealthy(cluster!.endpoints, ca(), backendClient("backend-1"), 3);
      assert.equal(health.code, 0, `${health.out}\n${logs()}`);
      assert.equal((health.out.match(/is healthy/g) ?? []).length, 3, health.out);
    });

    it("reads a write on one member back from another", () => {
      const [one, , three] = cluster!.endpoints.split(",");
      assert.equal(etcdctl(one!, ca(), backendClient("backend-1"), ["put", "/sensu.io/ansible", "roles"]).code, 0);
      const got = etcdctl(three!, ca(), backendClient("backend-3"), ["get", "/sensu.io/ansible", "--print-value-only"]);
      assert.equal(got.out.trim(), "roles", got.out);
    });

    it("refuses the agent's certificate on 2379", async () => {
      const one = cluster!.endpoints.split(",")[0]!;
      const agent = {
        cert: onHost(AGENT_HOST, "/etc/sensu/agent.crt"),
        key: onHost(AGENT_HOST, "/etc/sensu/agent.key"),
      };
      const refused = etcdctl(one, ca(), agent, ["get", "/sensu.io/ansible"]);
      assert.notEqual(refused.code, 0, refused.out);
      const log = () => readFileSync(join(cluster!.logs, "backend-1.log"), "utf8");
      const deadline = Date.now() + 5_000;
      while (!/rejected connection.*unknown authority/.test(log()) && Date.now() < deadline)
        await new Promise((res) => setTimeout(res, 100));
      assert.match(log(), /rejected connection.*unknown authority/);
    });
  },
);
