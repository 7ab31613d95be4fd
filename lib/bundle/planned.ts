import type { ResolvedPlan } from "../plan/resolved-plan";
import { README_ENTRY } from "./common-entries";
import { awaitsSignedCertificates, csrLayout } from "./csr-layout";
import { bundleLayout } from "./manifest";
import type { PlannedEntry } from "./manifest-entry";

/**
 * The download's file tree before anything is generated: the layout it will be filled from, README
 * first as in the zip. Before the organization's CA has signed, that is the keys-and-CSRs zip.
 */
export function plannedEntries(plan: ResolvedPlan): PlannedEntry[] {
  const layout = awaitsSignedCertificates(plan) ? csrLayout(plan) : bundleLayout(plan);
  return [README_ENTRY, ...layout.entries];
}
