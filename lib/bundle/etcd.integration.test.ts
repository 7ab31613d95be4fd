import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { nodeCrypto } from "../pki/node-crypto";
import { type Cluster, etcdctl, startCluster, waitHealthy } from "./etcd-cluster.test-helper";
import { generateBundle } from "./generate";
import { loopbackPlan } from "./test-plan";
import { requireTool, unzipBundle } from "./unzipped.test-helper";

// Each layout gets its own ports so a slow shutdown of one cluster cannot collide with the next.
const CASES = [
  { layout: "separate", algorithm: "ecdsa-p256", ports: { client: 32379, peer: 32380 } },
  { layout: "single", algorithm: "rsa-2048", ports: { client: 33379, peer: 33380 } },
] as const;

for (const { layout, algorithm, ports } of CASES) {
  describe(`a three-member etcd cluster from the ${layout}-CA bundle (${algorithm})`, { timeout: 120_000 }, () => {
    let dir: string;
    let cleanup = () => {};
    let cluster: Cluster | undefined;
    const f = (p: string) => join(dir, "files", p);
    const backend = (n: number) => ({
      name: `backend-${n}`,
      ip: `127.0.0.${n}`,
      cert: f(`backends/backend-${n}/etc/sensu/tls/backend-${n}.example.com.pem`),
      key: f(`backends/backend-${n}/etc/sensu/tls/backend-${n}.example.com-key.pem`),
    });
    const ca = () => f("backends/backend-1/etc/sensu/tls/ca.pem");
    const agent = () => ({ cert: f("agents/agent/etc/sensu/tls/agent.pem"), key: f("agents/agent/etc/sensu/tls/agent-key.pem") });
    const logs = () => (cluster ? readdirSync(cluster.logs).map((n) => `--- ${n}\n${readFileSync(join(cluster!.logs, n), "utf8").slice(-3000)}`).join("\n") : "");

    before(async () => {
      requireTool("etcd");
      requireTool("etcdctl");
      const bundle = await generateBundle(await nodeCrypto(), new Date(), loopbackPlan(layout, algorithm));
      ({ dir, cleanup } = unzipBundle(bundle));
      cluster = startCluster(dir, ca(), [1, 2, 3].map(backend), ports);
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
  });
}
