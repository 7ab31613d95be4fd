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
