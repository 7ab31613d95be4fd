import type { AssetBuild } from "./asset-parse";
import type { BuildChoice, PlannedBuild } from "./builds";
import { required } from "./filters";
import type { SudoersIssue } from "./issue";
import { assetDirSegments } from "./tokens";

// Root-owned mode installs, on each host, the chosen build that fits that host. The copy script
// tells builds apart by what `uname` reports, in Sensu's own terms (entity.system.os, .arch as Go's
// GOARCH, .arm_version), so the chosen builds of one asset must differ there.

/** The case pattern the copy script matches "<os>/<arch>/<arm_version>" against; `*` where the build does not care. */
export function hostPattern(build: AssetBuild): string {
  const os = required(build.filters, "os");
  let arch = required(build.filters, "arch");
  let armVersion = required(build.filters, "arm_version");
  // Bonsai often writes the ARM version into the arch ("armv7"); Sensu reports arch "arm", arm_version 7.
  const armv = arch ? /^armv([5-7])$/.exec(arch) : null;
  if (armv) {
    arch = "arm";
    armVersion = armVersion ?? armv[1] ?? null;
  }
  return `${os ?? "*"}/${arch ?? "*"}/${armVersion ?? "*"}`;
}

/**
 * Trees someone other than root can write on a Linux host. A directory for root-owned copies under
 * one of them can be created (or replaced) by that someone before the copy script runs, and the
 * sudoers rules, which may be installed without the script, would then run their file as root.
 */
const UNTRUSTED_TREES: readonly { trees: readonly string[]; who: string }[] = [
  {
    trees: ["/tmp", "/var/tmp", "/dev/shm", "/run/shm", "/dev/mqueue", "/run/lock", "/var/lock", "/var/crash"],
    who: "every local user can write",
  },
  { trees: ["/home", "/var/home", "/Users", "/run/user"], who: "holds users' own directories, which they can write" },
  {
    // The agent's cache directory is refused by planSudoers itself, whatever it is set to.
    trees: ["/var/lib/sensu", "/var/log/sensu", "/run/sensu", "/var/run/sensu"],
    who: "the Sensu packages give to the sensu user",
  },
  { trees: ["/var/mail", "/var/spool/mail"], who: "the mail group can write" },
];

/** Why a directory cannot hold root-owned copies because of the tree it is in, or null. */
export function untrustedTreeProblem(dir: string): string | null {
  for (const { trees, who } of UNTRUSTED_TREES) {
    const tree = trees.find((t) => dir === t || dir.startsWith(`${t}/`));
    if (tree)
      return `The directory for root-owned copies is ${dir === tree ? "" : "under "}${tree}, which ${who}: someone could create ${dir} before the copy script does, and the sudo rules would run what they put there as root. Choose a directory only root can write, such as /usr/local/libexec/sensu.`;
  }
  return null;
}

/** Why the chosen builds cannot be installed by the copy script; empty when they can. */
export function rootOwnedProblems(choices: readonly BuildChoice[], builds: readonly PlannedBuild[]): SudoersIssue[] {
  const issues: SudoersIssue[] = [];
  const patterns = new Map<string, string>();
  for (const planned of builds) {
    const i = choices.findIndex((c) => c.asset === planned.asset.name && c.build === planned.build.index);
    const field = `choices[${i}]`;
    const { asset, build } = planned;
    if (!assetDirSegments(asset.name)) {
      issues.push({
        field: `${field}.asset`,
        message: `"${asset.name}" cannot name a directory (each part between slashes needs letters, digits, . _ + or -, and may not be . or ..).`,
      });
    }
    const os = required(build.filters, "os");
    if (os !== null && os !== "linux") {
      issues.push({
        field,
        message: `The ${planned.label} build of ${asset.name} is not for Linux; the copy script and sudoers rules are for Linux hosts.`,
      });
    }
    if (
      build.filters.some((f) => (f.field === "os" || f.field === "arch" || f.field === "arm_version") && f.op === "!=")
    ) {
      issues.push({
        field,
        message: `The ${planned.label} build of ${asset.name} excludes a platform with !=; the copy script can only pick builds that name their os and arch.`,
      });
    }
    const key = `${asset.name}\n${hostPattern(build)}`;
    const other = patterns.get(key);
    if (other !== undefined) {
      issues.push({
        field,
        message: `The ${planned.label} and ${other} builds of ${asset.name} fit the same hosts; choose one of them.`,
      });
    } else patterns.set(key, planned.label);
  }
  return issues;
}
