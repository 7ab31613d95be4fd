import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Runs a playbook as root for one inventory host inside a private mount namespace: /etc is an
 * overlay whose writes land in the scratch directory (a bound copy where overlays are refused), with
 * a `sensu` user added there. Whatever the roles write to /etc/sensu ends up in `etc/sensu` of the
 * scratch directory, and the machine's own /etc never changes.
 */
const NAMESPACE_SCRIPT = `
set -eu
if ! mount -t overlay overlay -o "lowerdir=/etc,upperdir=$SCRATCH/etc,workdir=$SCRATCH/overlay-work" /etc 2>/dev/null; then
  cp -a /etc/. "$SCRATCH/etc/"
  mount --bind "$SCRATCH/etc" /etc
fi
getent group sensu >/dev/null || echo "sensu:x:64990:" >> /etc/group
getent passwd sensu >/dev/null || echo "sensu:x:64990:64990:Sensu:/var/lib/sensu:/usr/sbin/nologin" >> /etc/passwd
cd "$TREE"
exec ansible-playbook "$@"
`;

export interface PlaybookRun {
  code: number;
  out: string;
  /** The scratch directory's view of the host's /etc: `etc/sensu` holds what the roles wrote. */
  etc: string;
}

export function requireRoot(): void {
  if (process.getuid?.() !== 0)
    throw new Error(
      "failed to run the Ansible test: it needs root for a private mount namespace (run `npm test` as root, as CI does)",
    );
}

/** ansible-playbook for one host, connected locally, in its own namespace; killed (by process group) after the timeout. */
export function runPlaybook(options: {
  tree: string;
  scratch: string;
  host: string;
  args: readonly string[];
  timeoutMs?: number;
}): Promise<PlaybookRun> {
  const { tree, scratch, host, args } = options;
  const etc = join(scratch, "etc");
  for (const dir of [etc, join(scratch, "overlay-work"), join(scratch, "home"), join(scratch, "tmp")])
    mkdirSync(dir, { recursive: true });
  const script = join(scratch, "in-namespace.sh");
  writeFileSync(script, NAMESPACE_SCRIPT);
  const env = {
    ...process.env,
    SCRATCH: scratch,
    TREE: tree,
    HOME: join(scratch, "home"),
    ANSIBLE_LOCAL_TEMP: join(scratch, "tmp"),
    ANSIBLE_REMOTE_TEMP: join(scratch, "tmp"),
    ANSIBLE_NOCOLOR: "1",
    ANSIBLE_GATHER_SUBSET: "min",
    ANSIBLE_RETRY_FILES_ENABLED: "0",
  };
  const argv = [
    "-m",
    "--propagation",
    "private",
    "sh",
    script,
    ...args,
    "--limit",
    host,
    "-e",
    "ansible_connection=local",
    "-e",
    "ansible_python_interpreter=/usr/bin/python3",
  ];
  return new Promise((resolve) => {
    const child = spawn("unshare", argv, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, options.timeoutMs ?? 120_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out, etc });
    });
  });
}
