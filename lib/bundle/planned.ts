import type { ResolvedPlan } from "../plan/resolved-plan";
import { README_ENTRY } from "./common-entries";
import { bundleLayout } from "./manifest";
import type { PlannedEntry } from "./manifest-entry";

/** The bundle's file tree before anything is generated: the manifest's own layout, README first as in the zip. */
export function plannedEntries(plan: ResolvedPlan): PlannedEntry[] {
  return [README_ENTRY, ...bundleLayout(plan).entries];
}
