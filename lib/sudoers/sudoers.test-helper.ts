import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { run } from "../bundle/unzipped.test-helper";
import type { Asset } from "./asset-parse";
import type { BuildChoice } from "./builds";
import { GUIDE_ASSET_YAML } from "./guide-fixtures.test-helper";
import { DEFAULT_INPUT, planSudoers, type SudoersInput, type SudoersPlan } from "./model";
import { parseAssets } from "./yaml-reader";

export const PROFILE = "sensu/system-profile-linux";
/** Build indexes in the guide's definition. */
export const LINUX_ARMV7 = 2;
export const LINUX_ARM64 = 3;
export const LINUX_AMD64 = 5;
export const AMD64_SHA =
  "29a6e1725f37e533cd9f6a8a17b40ef757ba5ea5dc27701c19a7fb9ac9c2bdf9f684d758d4440f278bb7fc669e52bf02efb3fc6758731f7f3e10617a2fe026cf";

export function guideAssets(): Asset[] {
  const { assets, problems } = parseAssets(GUIDE_ASSET_YAML);
  if (problems.length > 0) throw new Error(`failed to parse the guide's asset: ${problems[0]?.message}`);
  return assets;
}

export const chooseProfile = (build: number, commands: string[] = ["system-profile-linux"]): BuildChoice => ({
  asset: PROFILE,
  build,
  commands,
});

/** A plan that must be valid; throws with the issues otherwise. */
export function planOrThrow(input: Partial<SudoersInput>, assets: readonly Asset[] = guideAssets()): SudoersPlan {
  const r = planSudoers({ ...DEFAULT_INPUT, ...input }, assets);
  if (!r.ok) throw new Error(`failed to plan: ${r.issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`);
  return r.value;
}

export interface ParsedRule {
  user: string;
  runAs: string;
  tags: string[];
  commands: string[];
}

export interface ParsedSudoers {
  rules: ParsedRule[];
  defaults: string[];
  /** Lines that are neither comments, blank, rules nor Defaults: must stay empty. */
  unexpected: string[];
}

const RULE = /^(\S+)\s+ALL=\((ALL|root)\)\s+((?:[A-Z]+:)+)\s*(.+)$/;

/** Reads the rendered file back the simple way a reviewer would, independently of the renderer. */
export function parseSudoersBack(text: string): ParsedSudoers {
  const out: ParsedSudoers = { rules: [], defaults: [], unexpected: [] };
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("# ")) continue;
    if (line.startsWith("Defaults")) {
      out.defaults.push(line);
      continue;
    }
    const m = RULE.exec(line);
    if (!m || line.endsWith("\\")) {
      out.unexpected.push(line);
      continue;
    }
    out.rules.push({
      user: m[1] ?? "",
      runAs: m[2] ?? "",
      tags: (m[3] ?? "").split(":").filter(Boolean),
      commands: (m[4] ?? "").split(/\s*,\s*/),
    });
  }
  return out;
}

export function visudoPath(): string {
  const found = run("sh", ["-c", "command -v visudo"]).stdout.trim();
  if (found) return found;
  if (existsSync("/usr/sbin/visudo")) return "/usr/sbin/visudo";
  throw new Error("failed to find visudo: apt-get install sudo (scripts/ensure-tools.sh does it as root)");
}

/** Checks each text with the real `visudo -c -f`, as a 0440 file; returns the failures with visudo's words. */
export function visudoCheck(texts: readonly string[]): { index: number; out: string }[] {
  const visudo = visudoPath();
  const dir = mkdtempSync(join(tmpdir(), "sensu-sudoers-"));
  try {
    const failures: { index: number; out: string }[] = [];
    texts.forEach((text, index) => {
      const file = join(dir, `sensu-assets-${index}`);
      writeFileSync(file, text);
      chmodSync(file, 0o440);
      const r = run(visudo, ["-c", "-f", file]);
      if (r.code !== 0) failures.push({ index, out: r.out });
    });
    return failures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
