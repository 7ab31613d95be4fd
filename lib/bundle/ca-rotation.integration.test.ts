import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { nodeCrypto } from "../pki/node-crypto";
import { parseConfig } from "../sensu/yaml";
import type { Bundle } from "./bundle";
import { type RotationBundles, rotationBundles } from "./ca-rotation.test-helper";
import {
  etcdctl,
  etcdFlagsFromBackendYml,
  type Member,
  type RunningMember,
  startMember,
  waitHealthy,
} from "./etcd-cluster.test-helper";
import { loopbackPlan } from "./test-plan.test-helper";
import { requireTool, unzipBundle } from "./unzipped.test-helper";

// 127.0.5.1-3, ports 2379/2380: this test's own loopback addresses, apart from etcd.integration.test.ts'.
const PREFIX = "127.0.5";
const MEMBERS = [1, 2, 3] as const;

/** One unzipped bundle as the backends see it: each member's etcd flags and its client credentials. */
interface Installed {
  members: Member[];
  client: (n: number) => { ca: string; cert: string; key: string };
}

let bundles: RotationBundles;
const unzipped: { cleanup: () => void }[] = [];

function install(bundle: Bundle): Installed {
  const z = unzipBundle(bundle);
  unzipped.push(z);
  const host = (n: number) => join(z.dir, "files", `backends/backend-${n}`);
  const tls = (n: number) => join(host(n), "etc/sensu/tls");
  return {
    members: MEMBERS.map((n): Member => {
      const config = parseConfig(readFileSync(join(host(n), "etc/sensu/backend.yml"), "utf8"));
      return {
        name: `backend-${n}`,
        flags: etcdFlagsFromBackendYml(config, (p) => join(host(n), p)),
        clientUrl: (config["etcd-advertise-client-urls"] as string[])[0]!,
      };
    }),
    client: (n) => ({
      ca: join(tls(n), "ca.pem"),
      cert: join(tls(n), `backend-${n}.example.com.pem`),
      key: join(tls(n), `backend-${n}.example.com-key.pem`),
    }),
  };
}

before(async () => {
  requireTool("etcd");
  requireTool("etcdctl");
  bundles = await rotationBundles(await nodeCrypto(), new Date(), loopbackPlan("single", "ecdsa-p256", PREFIX));
});
after(() => unzipped.forEach((z) => z.cleanup()));

/** A three-member cluster whose members are restarted one at a time, each with another bundle's files. */
function rollingCluster() {
  const dir = mkdtempSync(join(tmpdir(), "ca-rotation-etcd-"));
  const running = new Map<number, RunningMember>();
  const logs = () =>
    readdirSync(join(dir, "etcd-logs"))
      .map((n) => `--- ${n}\n${readFileSync(join(dir, "etcd-logs", n), "utf8").slice(-2500)}`)
      .join("\n");
  return {
    endpoints: (from: Installed) => from.members.map((m) => m.clientUrl).join(","),
    start(from: Installed) {
      for (const n of MEMBERS) running.set(n, startMember(dir, from.members[n - 1]!));
    },
    async restart(n: number, from: Installed) {
      await running.get(n)?.stop();
      running.set(n, startMember(dir, from.members[n - 1]!));
    },
    logs,
    async stop() {
      await Promise.all([...running.values()].map((r) => r.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Healthy seen from `view`'s credentials, the key written before reads back from every member, and a write succeeds. */
async function assertServing(cluster: ReturnType<typeof rollingCluster>, view: Installed, n: number, step: string) {
  const c = view.client(n);
  const endpoints = cluster.endpoints(view);
  const health = await waitHealthy(endpoints, c.ca, c, 3, 30_000);
  assert.equal((health.out.match(/is healthy/g) ?? []).length, 3, `${step}: ${health.out}\n${cluster.logs()}`);
  for (const endpoint of endpoints.split(",")) {
    const got = etcdctl(endpoint, c.ca, c, ["get", "/sensu.io/before-rotation", "--print-value-only"]);
    assert.equal(got.out.trim(), "kept", `${step}: read from ${endpoint}: ${got.out}`);
  }
  const put = etcdctl(endpoints, c.ca, c, ["put", `/sensu.io/${step.replace(/\W+/g, "-")}`, "ok"]);
  assert.equal(put.code, 0, `${step}: ${put.out}`);
}

async function startFromPhase0(cluster: ReturnType<typeof rollingCluster>, phase0: Installed) {
  cluster.start(phase0);
  const c = phase0.client(1);
  const health = await waitHealthy(cluster.endpoints(phase0), c.ca, c, 3);
  assert.equal((health.out.match(/is healthy/g) ?? []).length, 3, `${health.out}\n${cluster.logs()}`);
  assert.equal(etcdctl(cluster.endpoints(phase0), c.ca, c, ["put", "/sensu.io/before-rotation", "kept"]).code, 0);
}

describe("a real three-member etcd cluster through a CA rotation, one member at a time", { timeout: 200_000 }, () => {
  const cluster = rollingCluster();
  after(() => cluster.stop());

  it("stays healthy after every single-member restart of phases 1, 2 and 3, and keeps its data", async () => {
    const phase0 = install(bundles.phase0);
    await startFromPhase0(cluster, phase0);
    for (const [name, bundle] of [
      ["phase 1", bundles.phase1],
      ["phase 2", bundles.phase2],
      ["phase 3", bundles.phase3],
    ] as const) {
      const next = install(bundle);
      for (const n of MEMBERS) {
        await cluster.restart(n, next);
        await assertServing(cluster, next, n, `${name} backend-${n}`);
      }
    }
  });
});

describe("a real three-member etcd cluster through the CA renewed in place", { timeout: 120_000 }, () => {
  const cluster = rollingCluster();
  after(() => cluster.stop());

  it("stays healthy after every single-member restart", async () => {
    const phase0 = install(bundles.phase0);
    await startFromPhase0(cluster, phase0);
    const renewed = install(bundles.renewed);
    for (const n of MEMBERS) {
      await cluster.restart(n, renewed);
      await assertServing(cluster, renewed, n, `renewed backend-${n}`);
    }
  });
});

describe("the guide's literal procedure: a new CA, member by member, without phase 1", { timeout: 120_000 }, () => {
  const cluster = rollingCluster();
  after(() => cluster.stop());

  it("fails the health check at the first restart: the restarted member and the others refuse each other", async () => {
    const phase0 = install(bundles.phase0);
    await startFromPhase0(cluster, phase0);
    const literal = install(bundles.literal);
    await cluster.restart(1, literal);
    for (const view of [phase0, literal]) {
      const c = view.client(1);
      const health = await waitHealthy(cluster.endpoints(view), c.ca, c, 3, 8_000);
      assert.notEqual(health.code, 0, health.out);
      assert.ok((health.out.match(/is healthy/g) ?? []).length < 3, health.out);
    }
    assert.match(cluster.logs(), /unknown authority|bad certificate/);
  });
});
