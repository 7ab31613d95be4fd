import type { Asset } from "./asset-parse";
import type { BuildChoice, PlannedBuild } from "./builds";
import { DEFAULT_CACHE_DIR, DEFAULT_ROOT_DIR, DEFAULT_USER, RULE_MODES, type RuleMode } from "./defaults";
import { assetPathEnvVar } from "./env-var";
import { buildLabel } from "./filters";
import type { SudoersIssue } from "./issue";
import { rootOwnedProblems, untrustedTreeProblem } from "./root-owned";
import {
  type AbsPath,
  assetDirSegments,
  type CommandName,
  joinPath,
  parseCommandName,
  parseDirectory,
  parseUserName,
  type UserName,
} from "./tokens";

// The one boundary between what the UI collected and what the renderers may print. A SudoersPlan
// can only come out of planSudoers (its brand is not exported), so every user name, path and
// command in it has been through lib/sudoers/tokens.

export { DEFAULT_CACHE_DIR, DEFAULT_ROOT_DIR, DEFAULT_USER, RULE_MODES, type RuleMode };

/** Everything the UI collects, untrusted. */
export interface SudoersInput {
  /** Default DEFAULT_USER. */
  user: string;
  /** Default DEFAULT_CACHE_DIR. */
  cacheDir: string;
  mode: RuleMode;
  choices: BuildChoice[];
  /** Root-owned mode only. Default DEFAULT_ROOT_DIR. */
  rootDir: string;
  /** Add the guide's diagnostic `/usr/bin/echo` rule. */
  diagnosticEcho: boolean;
  /** Add a secure_path listing the chosen directories (never a glob: sudo takes `**` literally there). */
  securePath: boolean;
}

export const DEFAULT_INPUT: SudoersInput = {
  user: DEFAULT_USER,
  cacheDir: DEFAULT_CACHE_DIR,
  mode: "root-owned",
  choices: [],
  rootDir: DEFAULT_ROOT_DIR,
  diagnosticEcho: false,
  securePath: false,
};

declare const planBrand: unique symbol;

export interface SudoersPlan {
  readonly [planBrand]: true;
  user: UserName;
  cacheDir: AbsPath;
  rootDir: AbsPath;
  mode: RuleMode;
  diagnosticEcho: boolean;
  securePath: boolean;
  builds: PlannedBuild[];
}

export type PlanResult = { ok: true; value: SudoersPlan } | { ok: false; issues: SudoersIssue[] };

function exampleCommandOf(asset: Asset, commands: readonly CommandName[]): CommandName | null {
  if (commands[0]) return commands[0];
  const short = parseCommandName(asset.name.split("/").pop() ?? "");
  return short.ok ? short.value : null;
}

/** Validates the input against the parsed assets; the only way to get a SudoersPlan. */
export function planSudoers(input: SudoersInput, assets: readonly Asset[]): PlanResult {
  const issues: SudoersIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field, message });
  const user = parseUserName(input.user);
  if (!user.ok) issue("user", user.message);
  const cacheDir = parseDirectory(input.cacheDir, "The cache directory");
  if (!cacheDir.ok) issue("cacheDir", cacheDir.message);
  const rootOwned = input.mode === "root-owned";
  const rootDir = parseDirectory(rootOwned ? input.rootDir : DEFAULT_ROOT_DIR, "The directory for root-owned copies");
  if (!rootDir.ok) issue("rootDir", rootDir.message);
  const untrusted = rootOwned && rootDir.ok ? untrustedTreeProblem(rootDir.value) : null;
  if (rootOwned && rootDir.ok && cacheDir.ok && `${rootDir.value}/`.startsWith(`${cacheDir.value}/`)) {
    issue(
      "rootDir",
      "The directory for root-owned copies is inside the cache directory, which the agent's user can write: choose a directory outside it.",
    );
  } else if (untrusted) issue("rootDir", untrusted);
  if (!RULE_MODES.includes(input.mode)) issue("mode", `Unknown rule mode "${String(input.mode)}".`);
  if (input.mode !== "all-assets" && input.choices.length === 0) issue("choices", "Choose at least one asset build.");

  const builds: PlannedBuild[] = [];
  const seen = new Set<string>();
  for (const [i, choice] of input.choices.entries()) {
    const asset = assets.find((a) => a.name === choice.asset);
    const build = asset?.builds.find((b) => b.index === choice.build);
    if (!asset) {
      issue(`choices[${i}].asset`, `No asset named "${choice.asset}" was read.`);
      continue;
    }
    if (!build) {
      issue(`choices[${i}].build`, `${asset.name} has no build number ${choice.build + 1}.`);
      continue;
    }
    const key = `${asset.name}\n${build.index}`;
    if (seen.has(key))
      issue(`choices[${i}]`, `The ${buildLabel(build.filters)} build of ${asset.name} is chosen twice.`);
    seen.add(key);
    const commands: CommandName[] = [];
    for (const [j, raw] of choice.commands.entries()) {
      const command = parseCommandName(raw);
      if (!command.ok) issue(`choices[${i}].commands[${j}]`, command.message);
      else if (commands.includes(command.value)) issue(`choices[${i}].commands[${j}]`, `"${raw}" is listed twice.`);
      else commands.push(command.value);
    }
    if ((input.mode === "selected-commands" || rootOwned) && choice.commands.length === 0) {
      issue(`choices[${i}].commands`, `Name the commands to allow from ${asset.name} (files in its bin/ directory).`);
    }
    const segments = assetDirSegments(asset.name);
    const rootBinDir =
      rootOwned && rootDir.ok && segments ? (`${rootDir.value}/${segments.join("/")}/bin` as AbsPath) : null;
    builds.push({
      asset,
      build,
      label: buildLabel(build.filters),
      envVar: assetPathEnvVar(asset.name),
      commands,
      exampleCommand: exampleCommandOf(asset, commands),
      cacheBinDir: cacheDir.ok ? joinPath(cacheDir.value, build.sha512, "bin") : ("/" as AbsPath),
      rootBinDir,
    });
  }
  if (rootOwned) for (const p of rootOwnedProblems(input.choices, builds)) issue(p.field, p.message);
  if (input.securePath && builds.length === 0) {
    issue(
      "securePath",
      "secure_path needs the chosen builds' directories: sudo takes ** literally there, so it cannot name every asset. Choose builds or leave secure_path out.",
    );
  }
  if (issues.length > 0 || !user.ok || !cacheDir.ok || !rootDir.ok) return { ok: false, issues };
  const plan = {
    user: user.value,
    cacheDir: cacheDir.value,
    rootDir: rootDir.value,
    mode: input.mode,
    diagnosticEcho: input.diagnosticEcho,
    securePath: input.securePath,
    builds,
  };
  return { ok: true, value: plan as SudoersPlan };
}
