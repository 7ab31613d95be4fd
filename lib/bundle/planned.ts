import type { ResolvedPlan } from "../plan/resolved-plan";
import { buildManifest, type IssuedPems, type ManifestEntry, type PemTriple } from "./manifest";

export const README_PATH = "README.md";
export const README_PURPOSE = "What every file is, where it goes, and the install steps for each host.";

export function readmeEntry(content: string): ManifestEntry {
  return { path: README_PATH, mode: 0o644, kind: "document", content, purpose: README_PURPOSE, host: "offline" };
}

/**
 * The bundle's file tree before anything is generated: the same manifest with empty contents, so the
 * review table shows exactly the paths the zip will hold.
 */
export function plannedEntries(plan: ResolvedPlan, now: Date): ManifestEntry[] {
  const empty: PemTriple = { cert: "", key: "", csr: "" };
  const pems: IssuedPems = {
    ca: empty,
    agentCa: plan.agentCa ? empty : undefined,
    backends: new Map(plan.backends.map((b) => [b.fqdn, empty])),
    agents: new Map(plan.agents.map((a) => [a.commonName, empty])),
    dashboard: plan.api.dashboard.mode === "issue" ? empty : undefined,
    agentPasswords: new Map(),
    caFingerprints: { ca: "" },
    crl:
      plan.revocation && !plan.ca.corporatePem
        ? {
            stem: plan.revocation.issuer === "agent-ca" && plan.agentCa ? "agent-ca" : "ca",
            pem: "",
            url: plan.revocation.crlUrl,
            count: plan.revocation.serials.length,
          }
        : undefined,
  };
  return [readmeEntry(""), ...buildManifest(plan, pems, now)];
}
