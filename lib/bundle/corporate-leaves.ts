import type { San } from "../pki/names";
import type { ProfileId } from "../pki/profiles";
import { DASHBOARD_STEM } from "../plan/host-files";
import type { ResolvedPlan } from "../plan/resolved-plan";

/** One certificate the organization's CA is asked to sign, named by its cfssljson file stem. */
export interface CorporateLeaf {
  stem: string;
  profile: ProfileId;
  commonName: string;
  sans: San[];
}

/** Every certificate of the plan, in the order a CA operator reads them. */
export function corporateLeaves(plan: ResolvedPlan): CorporateLeaf[] {
  const leaves: CorporateLeaf[] = plan.backends.map((b) => ({
    stem: b.fqdn,
    profile: "backend",
    commonName: b.fqdn,
    sans: b.sans,
  }));
  const web = plan.api.dashboard;
  if (web.mode === "issue")
    leaves.push({ stem: DASHBOARD_STEM, profile: "web-ui", commonName: web.commonName, sans: web.sans });
  for (const a of plan.agents)
    leaves.push({ stem: a.commonName, profile: "agent", commonName: a.commonName, sans: [] });
  return leaves;
}

export const CSR_DIR = "csr";
