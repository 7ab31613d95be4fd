// The corporate mode's file bookkeeping, kept apart from verify-corporate.ts: the synchronous parse
// needs it on every page, the x509 code that verifies the files only once some are loaded.
import { DASHBOARD_STEM } from "../plan/host-files";
import type { CorporateStem } from "./ca-checks";
import type { CorporateInput, WizardInput } from "./model";

/** The stems from the inputs (no resolved plan needed): backends' FQDNs, the web UI's, agents' CNs. */
export function corporateStems(input: Pick<WizardInput, "backends" | "agents" | "api">): CorporateStem[] {
  const stems: CorporateStem[] = input.backends.rows.map((r) => ({
    stem: r.fqdn.trim(),
    profile: "backend",
    commonName: r.fqdn.trim(),
  }));
  const webCn = input.api.dashboardNames.split(/[\s,]+/).find(Boolean);
  if (input.api.dashboard === "issue" && webCn)
    stems.push({ stem: DASHBOARD_STEM, profile: "web-ui", commonName: webCn });
  for (const a of input.agents.rows) stems.push({ stem: a.commonName, profile: "agent", commonName: a.commonName });
  return stems;
}

export const baseName = (name: string) => name.split("/").pop() ?? name;

/** The loaded files by base name, indexed once per list: a fleet looks up two files per certificate. */
const indexes = new WeakMap<CorporateInput["files"], Map<string, string>>();
function filesByName(files: CorporateInput["files"]): Map<string, string> {
  let index = indexes.get(files);
  if (!index) {
    index = new Map(files.map((f) => [baseName(f.name), f.text]));
    indexes.set(files, index);
  }
  return index;
}

/** A stem's key and CSR among the loaded files, by the cfssljson names step 1 gave them. */
export function keyAndCsrOf(corporate: CorporateInput, stem: string): { keyPem?: string; csrPem?: string } {
  const byName = filesByName(corporate.files);
  return { keyPem: byName.get(`${stem}-key.pem`), csrPem: byName.get(`${stem}.csr`) };
}
