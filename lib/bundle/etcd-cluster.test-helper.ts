import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { run } from "./unzipped.test-helper";

export interface Member {
  name: string;
  /** etcd command-line flags, e.g. --name=backend-1. */
  flags: string[];
  /** The member's client URL, for etcdctl. */
  clientUrl: string;
}

export interface Cluster {
  endpoints: string;
  stop: () => Promise<void>;
  logs: string;
}

/**
 * backend.yml's etcd settings as etcd's own flags: Sensu passes each etcd-* key to its embedded
 * etcd under the name without the prefix. Lists become comma-separated, as etcd reads them;
 * `path` maps host paths into the unzipped bundle.
 */
export function etcdFlagsFromBackendYml(config: Record<string, unknown>, path: (hostPath: string) => string): string[] {
  const flags: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (!key.startsWith("etcd-")) continue;
    const flag = key.slice("etcd-".length);
    const text = Array.isArray(value) ? value.join(",") : String(value);
    flags.push(`--${flag}=${flag.endsWith("-file") ? path(text) : text}`);
  }
  return flags;
}

/** One running etcd member; stop() waits for it to exit (SIGKILL after 10 s), so its ports are free again. */
export interface RunningMember {
  stop: () => Promise<void>;
}

/**
 * Start one member with its flags and a data directory kept under `dir` by name, so a member
 * restarted with new files (a rolling restart) rejoins with its data. The log is appended to.
 */
export function startMember(dir: string, member: Member): RunningMember {
  const logs = join(dir, "etcd-logs");
  mkdirSync(logs, { recursive: true });
  const out = openSync(join(logs, `${member.name}.log`), "a");
  const child: ChildProcess = spawn("etcd", [...member.flags, `--data-dir=${join(dir, `data-${member.name}`)}`], {
    stdio: ["ignore", out, out],
  });
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const stop = async () => {
    if (!exited()) child.kill("SIGTERM");
    const deadline = Date.now() + 10_000;
    while (!exited() && Date.now() < deadline) await sleep(100);
    if (!exited()) child.kill("SIGKILL");
    while (!exited()) await sleep(50);
  };
  return { stop };
}

/** A real etcd cluster on loopback, started from each member's flags plus a scratch data directory. */
export function startCluster(dir: string, members: readonly Member[]): Cluster {
  const running = members.map((m) => startMember(dir, m));
  const stop = async () => {
    await Promise.all(running.map((r) => r.stop()));
  };
  return { endpoints: members.map((m) => m.clientUrl).join(","), stop, logs: join(dir, "etcd-logs") };
}

/** etcdctl against the cluster with the given client credentials (none: no client certificate). */
export function etcdctl(
  endpoints: string,
  ca: string,
  client: { cert: string; key: string } | null,
  args: readonly string[],
) {
  const auth = client ? [`--cert=${client.cert}`, `--key=${client.key}`] : [];
  return run(
    "etcdctl",
    [`--endpoints=${endpoints}`, `--cacert=${ca}`, ...auth, "--dial-timeout=3s", "--command-timeout=5s", ...args],
    { timeoutMs: 15_000 },
  );
}

/**
 * Polls `endpoint health --cluster` until all `members` report healthy, or the deadline passes.
 * While the cluster bootstraps it can exit 0 having listed only the members it already knows.
 */
export async function waitHealthy(
  endpoints: string,
  ca: string,
  client: { cert: string; key: string },
  members: number,
  timeoutMs = 45_000,
) {
  const deadline = Date.now() + timeoutMs;
  const healthy = (out: string) => (out.match(/is healthy/g) ?? []).length;
  let last = etcdctl(endpoints, ca, client, ["endpoint", "health", "--cluster"]);
  while ((last.code !== 0 || healthy(last.out) < members) && Date.now() < deadline) {
    await sleep(500);
    last = etcdctl(endpoints, ca, client, ["endpoint", "health", "--cluster"]);
  }
  return last;
}
