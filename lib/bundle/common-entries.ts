import { type CaFingerprints, planFileJson, planFileOf } from "../plan/plan-file";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { type LayoutEntry, type ManifestEntry, OFFLINE_HOST, type PlannedEntry, PUBLIC_MODE } from "./manifest-entry";

/** Files both downloads carry: the host bundle and the corporate CA's keys-and-CSRs zip. */

export const README_PATH = "README.md";
export const README_PURPOSE = "What every file is, where it goes, and the install steps for each host.";
/** At the zip's root: load it on the Plan step to renew with the same names. */
export const PLAN_FILE = "sensu-tls-plan.json";

/** The README lists every other file, so it is written last and put first. */
export const README_ENTRY: PlannedEntry = {
  path: README_PATH,
  mode: PUBLIC_MODE,
  kind: "document",
  purpose: README_PURPOSE,
  host: OFFLINE_HOST,
};

export function readmeEntry(content: string): ManifestEntry {
  return { ...README_ENTRY, content };
}

/** The plan file, with the CA fingerprints once they are known. */
export function planFileEntry<Fill>(
  plan: ResolvedPlan,
  purpose: string,
  fingerprints: (fill: Fill) => CaFingerprints,
): LayoutEntry<Fill> {
  return {
    path: PLAN_FILE,
    mode: PUBLIC_MODE,
    kind: "document",
    purpose,
    host: OFFLINE_HOST,
    content: (fill) => planFileJson(planFileOf(plan.savedInput, fingerprints(fill))),
  };
}
