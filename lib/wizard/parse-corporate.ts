import { certificateBlocks } from "../pki/pem";
import type { FieldIssue } from "../plan/issues";
import type { CorporateLeafMaterial, ResolvedCa } from "../plan/resolved-plan";
import { type CaChecks, type CorporateCheck, corporateKey, type CorporateStem } from "./ca-checks";
import { corporateStems, keyAndCsrOf } from "./corporate-files";
import type { WizardInput } from "./model";
import { type IssuerConstraints, subjectProblems } from "./name-constraint-checks";
import type { CaPemReader } from "./step-parse";

/** The organization's CA as hosts will trust it, or null with the problem at its field. */
function corporateCa(
  input: WizardInput,
  which: "caPem" | "agentCaPem",
  read: CaPemReader | undefined,
  errors: FieldIssue[],
): ResolvedCa | null {
  const pem = input.ca.corporate[which];
  const [block] = certificateBlocks(pem);
  if (!block) {
    errors.push(
      which === "caPem"
        ? {
            field: "ca.corporate.caPem",
            message:
              "Paste or load the CA certificate your hosts should trust for backend certificates (the root, or the intermediate that issues them).",
          }
        : {
            field: "ca.corporate.agentCaPem",
            message:
              "The separate layout needs the CA that issues agent certificates: a CA etcd does not trust. Load it, or choose the single-CA layout on Plan.",
          },
    );
    return null;
  }
  if (!read) {
    errors.push({ field: `ca.corporate.${which}`, message: "Reading this CA certificate…" });
    return null;
  }
  try {
    const commonName = read.commonName(block) ?? "your organization's CA";
    return { commonName, validityHours: 0, algorithm: input.plan.keyAlgorithm, corporatePem: pem };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    errors.push({ field: `ca.corporate.${which}`, message: `failed to read this CA certificate: ${reason}` });
    return null;
  }
}

/**
 * Corporate mode: the CA certificates hosts trust are needed from the start; the signed
 * certificates only in step 2 (with no files loaded, the download is the keys-and-CSRs bundle).
 */
/** What the Create a CA step knows in the corporate mode. */
export interface CorporateValue {
  cas: { ca: ResolvedCa; agentCa?: ResolvedCa } | null;
  nameConstraints: { backend: IssuerConstraints; agent: IssuerConstraints };
  stems: CorporateStem[];
  corporateCheck?: CorporateCheck;
  corporateLeaves?: Record<string, CorporateLeafMaterial>;
}

export function parseCorporate(
  input: WizardInput,
  caChecks: CaChecks,
  read: CaPemReader | undefined,
  errors: FieldIssue[],
): CorporateValue {
  const ca = corporateCa(input, "caPem", read, errors);
  const agentCa = input.plan.caLayout === "separate" ? corporateCa(input, "agentCaPem", read, errors) : undefined;
  const constraints = (pem: string) => read?.constraints(pem) ?? [];
  const backend = constraints(input.ca.corporate.caPem);
  const agent = input.plan.caLayout === "separate" ? constraints(input.ca.corporate.agentCaPem) : backend;
  for (const message of subjectProblems(backend)) errors.push({ field: "ca.corporate.caPem", message });
  if (agent !== backend)
    for (const message of subjectProblems(agent)) errors.push({ field: "ca.corporate.agentCaPem", message });
  const nameConstraints = { backend, agent };
  const cas = ca && agentCa !== null ? { ca, ...(agentCa ? { agentCa } : {}) } : null;
  const c = input.ca.corporate;
  const stems = corporateStems(input);
  if (c.files.length === 0) return { cas, stems, nameConstraints };
  const check = caChecks.corporate.get(corporateKey(c, stems));
  if (!check) {
    errors.push({
      field: "ca.corporate.files",
      message: "Checking the signed certificates against their keys and CSRs…",
    });
    return { cas, stems, nameConstraints };
  }
  const leaves: Record<string, CorporateLeafMaterial> = {};
  for (const s of stems) {
    const leaf = check.leaves[s.stem];
    const { keyPem, csrPem } = keyAndCsrOf(c, s.stem);
    if (leaf && !leaf.ok) errors.push({ field: "ca.corporate.files", message: leaf.message });
    else if (leaf?.ok && keyPem && csrPem) leaves[s.stem] = { chainPem: leaf.chainPem, keyPem, csrPem };
  }
  return { cas, stems, corporateCheck: check, corporateLeaves: leaves, nameConstraints };
}
