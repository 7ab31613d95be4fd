import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { run } from "./unzipped.test-helper";

export interface Member {
  name: string;
  ip: string;
  cert: string;
  key: string;
}

export interface Cluster {
  endpoints: string;
  stop: () => Promise<void>;
  logs: string;
}

/**
 * A real etcd cluster on loopback, configured the way Sensu's embedded etcd is with TLS: https
 * everywhere, client and peer certificate auth, each member with its own backend certificate.
 */
export function startCluster(dir: string, ca: string, members: readonly Member[], ports: { client: number; peer: number }): Cluster {
  const logs = join(dir, "etcd-logs");
  mkdirSync(logs, { recursive: true });
  const initialCluster = members.map((m) => `${m.name}=https://${m.ip}:${ports.peer}`).join(",");
  const children: ChildProcess[] = members.map((m) => {
    const out = openSync(join(logs, `${m.name}.log`), "w");
    return spawn(
      "etcd",
      [
        `--name=${m.name}`,
        `--data-dir=${join(dir, `data-${m.name}`)}`,
        `--listen-client-urls=https://${m.ip}:${ports.client}`,
        `--advertise-client-urls=https://${m.ip}:${ports.client}`,
        `--listen-peer-urls=https://${m.ip}:${ports.peer}`,
        `--initial-advertise-peer-urls=https://${m.ip}:${ports.peer}`,
        `--initial-cluster=${initialCluster}`,
        "--initial-cluster-state=new",
        "--initial-cluster-token=sensu-tls-wizard-test",
        "--client-cert-auth=true",
        `--trusted-ca-file=${ca}`,
        `--cert-file=${m.cert}`,
        `--key-file=${m.key}`,
        "--peer-client-cert-auth=true",
        `--peer-trusted-ca-file=${ca}`,
        `--peer-cert-file=${m.cert}`,
        `--peer-key-file=${m.key}`,
        "--listen-metrics-urls=",
      ],
      { stdio: ["ignore", out, out] },
    );
  });
  const stop = async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    const deadline = Date.now() + 10_000;
    while (children.some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < deadline) await sleep(100);
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  };
  return { endpoints: members.map((m) => `https://${m.ip}:${ports.client}`).join(","), stop, logs };
}

/** etcdctl against the cluster with the given client credentials (none: no client certificate). */
export function etcdctl(endpoints: string, ca: string, client: { cert: string; key: string } | null, args: readonly string[]) {
  const auth = client ? [`--cert=${client.cert}`, `--key=${client.key}`] : [];
  return run("etcdctl", [`--endpoints=${endpoints}`, `--cacert=${ca}`, ...auth, "--dial-timeout=3s", "--command-timeout=5s", ...args], { timeoutMs: 15_000 });
}

/**
 * Polls `endpoint health --cluster` until all `members` report healthy, or the deadline passes.
 * While the cluster bootstraps it can exit 0 having listed only the members it already knows.
 */
export async function waitHealthy(endpoints: string, ca: string, client: { cert: string; key: string }, members: number, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  const healthy = (out: string) => (out.match(/is healthy/g) ?? []).length;
  let last = etcdctl(endpoints, ca, client, ["endpoint", "health", "--cluster"]);
  while ((last.code !== 0 || healthy(last.out) < members) && Date.now() < deadline) {
    await sleep(500);
    last = etcdctl(endpoints, ca, client, ["endpoint", "health", "--cluster"]);
  }
  return last;
}
