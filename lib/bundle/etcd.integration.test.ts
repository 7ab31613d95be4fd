import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { nodeCrypto } from "../pki/node-crypto";
import { parseConfig } from "../sensu/yaml";
import {
  type Cluster,
  etcdctl,
  etcdFlagsFromBackendYml,
  type Member,
  startCluster,
  waitHealthy,
} from "./etcd-cluster.test-helper";
import { generateBundle } from "./generate";
import { loopbackPlan } from "./test-plan.test-helper";
import { requireTool, unzipBundle } from "./unzipped.test-helper";

// The ports are the ones backend.yml names (2379, 2380) on 127.0.0.1-3; stop() waits for every
// member to exit, so the second layout's cluster can bind them again.
const CASES = [
  { layout: "separate", algorithm: "ecdsa-p256" },
  { layout: "single", algorithm: "rsa-2048" },
] as const;

for (const { layout, algorithm } of CASES) {
  describe(
    `a three-member etcd cluster started from the ${layout}-CA bundle's backend.yml files (${algorithm})`,
    { timeout: 120_000 },
    () => {
      let dir: string;
      let cleanup = () => {};
      let cluster: Cluster | undefined;
      const f = (p: string) => join(dir, "files", p);
      const backend = (n: number) => ({
        cert: f(`backends/backend-${n}/etc/sensu/tls/backend-${n}.example.com.pem`),
        key: f(`backends/backend-${n}/etc/sensu/tls/backend-${n}.example.com-key.pem`),
      });
      const ca = () => f("backends/backend-1/etc/sensu/tls/ca.pem");
      const agent = () => ({
        cert: f("agents/agent/etc/sensu/tls/agent.pem"),
        key: f("agents/agent/etc/sensu/tls/agent-key.pem"),
      });
      const logs = () =>
        cluster
          ? readdirSync(cluster.logs)
              .map((n) => `--- ${n}\n${readFileSync(join(cluster!.logs, n), "utf8").slice(-3000)}`)
              .join("\n")
          : "";

      before(async () => {
        requireTool("etcd");
        requireTool("etcdctl");
        const bundle = await generateBundle(await nodeCrypto(), new Date(), loopbackPlan(layout, algorithm));
        ({ dir, cleanup } = unzipBundle(bundle));
        const members = [1, 2, 3].map((n): Member => {
          const host = f(`backends/backend-${n}`);
          const config = parseConfig(readFileSync(join(host, "etc/sensu/backend.yml"), "utf8"));
          const flags = etcdFlagsFromBackendYml(config, (p) => join(host, p));
          return { name: `backend-${n}`, flags, clientUrl: (config["etcd-advertise-client-urls"] as string[])[0]! };
        });
        assert.deepEqual(members[0]!.flags.map((fl) => fl.replace(/=.*/, "")).sort(), [
          "--advertise-client-urls",
          "--cert-file",
          "--client-cert-auth",
          "--initial-advertise-peer-urls",
          "--initial-cluster",
          "--initial-cluster-state",
          "--initial-cluster-token",
          "--key-file",
          "--listen-client-urls",
          "--listen-peer-urls",
          "--name",
          "--peer-cert-file",
          "--peer-client-cert-auth",
          "--peer-key-file",
          "--peer-trusted-ca-file",
          "--trusted-ca-file",
        ]);
        cluster = startCluster(dir, members);
      });
      after(async () => {
        await cluster?.stop();
        cleanup();
      });

      it("becomes healthy over TLS with every member's own certificate", async () => {
        const health = await waitHealthy(cluster!.endpoints, ca(), backend(1), 3);
        assert.equal(health.code, 0, `${health.out}\n${logs()}`);
        assert.equal((health.out.match(/is healthy/g) ?? []).length, 3, health.out);
        const members = etcdctl(cluster!.endpoints, ca(), backend(2), ["member", "list"]);
        assert.equal((members.out.match(/started/g) ?? []).length, 3, members.out);
      });

      it("serves a put on one member and a get on another", () => {
        const one = cluster!.endpoints.split(",")[0]!;
        const three = cluster!.endpoints.split(",")[2]!;
        assert.equal(etcdctl(one, ca(), backend(1), ["put", "/sensu.io/test", layout]).code, 0);
        const got = etcdctl(three, ca(), backend(3), ["get", "/sensu.io/test", "--print-value-only"]);
        assert.equal(got.out.trim(), layout, got.out);
      });

      /** A refusal counts only if member 1 logged the TLS rejection and still serves a good client. */
      const expectRefused = async (client: { cert: string; key: string } | null, reason: RegExp) => {
        const one = cluster!.endpoints.split(",")[0]!;
        const r = etcdctl(one, ca(), client, ["get", "/sensu.io/test"]);
        assert.notEqual(r.code, 0, r.out);
        const control = etcdctl(one, ca(), backend(1), ["get", "/sensu.io/test", "--print-value-only"]);
        assert.equal(control.out.trim(), layout, "member 1 is up and serves a client with a backend certificate");
        const log = () => readFileSync(join(cluster!.logs, "backend-1.log"), "utf8");
        const deadline = Date.now() + 5_000;
        while (!reason.test(log()) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
        assert.match(log(), reason);
      };

      it("refuses a client without a certificate", async () => {
        await expectRefused(null, /rejected connection.*(didn't provide a certificate|certificate required)/);
      });

      if (layout === "separate") {
        it("refuses the agent's certificate: the agent CA is not trusted by etcd", async () => {
          await expectRefused(agent(), /rejected connection.*unknown authority/);
        });
      } else {
        it("accepts the agent's certificate with full access: why the separate layout exists", () => {
          const put = etcdctl(cluster!.endpoints, ca(), agent(), ["put", "/sensu.io/owned-by-agent", "yes"]);
          assert.equal(put.code, 0, put.out);
        });
      }
    },
  );
}
