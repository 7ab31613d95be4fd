import { commonNameProblem } from "../pki/names";
import { certificateBlocks } from "../pki/pem";
import { X509Certificate } from "../pki/x509";
import type { FieldIssue } from "../plan/issues";
import type { CorporateLeafMaterial, ResolvedCa } from "../plan/resolved-plan";
import { type CaChecks, type CorporateCheck, corporateKey, type ExistingCaCheck, existingCaKey } from "./ca-checks";
import { caAlgorithm, type ExistingCaInput, MAX_CA_YEARS, type WizardInput, yearsToHours } from "./model";
import { constraintsInPem, type IssuerConstraints, subjectProblems } from "./name-constraint-checks";
import { parseWholeNumber } from "./numbers";
import type { ParseContext, StepParse } from "./step-parse";
import { corporateStems, keyAndCsrOf } from "./verify-corporate";

/** When the issuer of a role's certificates expires: a loaded CA's date, "unknown" until checked, null for a CA made now. */
export type IssuerEnd = Date | "unknown" | null;

export interface CaValue {
  /** The CA and agent CA that sign, or null until the step is valid. */
  cas: { ca: ResolvedCa; agentCa?: ResolvedCa } | null;
  /** Corporate step 2: every certificate the plan needs, checked; absent in step 1. */
  corporateLeaves?: Record<string, CorporateLeafMaterial>;
  /** A new CA's validity in hours, null while its field is invalid. */
  caHours: number | null;
  issuerEnd: { backend: IssuerEnd; agent: IssuerEnd };
  /** The separate layout makes a new agent CA (none was loaded). */
  newAgentCa: boolean;
  /** The page's verification of each loaded CA, once it has finished for the texts now in the fields. */
  existingChecks: { existing?: ExistingCaCheck; agentExisting?: ExistingCaCheck };
  /** Corporate step 2's verification of the loaded files, once finished for these files. */
  corporateCheck?: CorporateCheck;
  /** The name constraints of the loaded or organization's CAs that sign each role's certificates. */
  nameConstraints: { backend: IssuerConstraints; agent: IssuerConstraints };
}

export const existingField = (which: "existing" | "agentExisting", part: "certPem" | "keyPem"): string =>
  `ca.${which}.${part}`;

/** Whether the agent CA is one the user loaded (separate layout, existing source, a certificate given). */
export function keepsAgentCa(input: WizardInput): boolean {
  return (
    input.plan.caLayout === "separate" && input.ca.source === "existing" && input.ca.agentExisting.certPem.trim() !== ""
  );
}

/** A loaded CA: both halves present, and the page's verification of exactly these texts passed. */
function parseExisting(
  which: "existing" | "agentExisting",
  e: ExistingCaInput,
  check: ExistingCaCheck | undefined,
  expectedFingerprint: string,
  errors: FieldIssue[],
  warnings: FieldIssue[],
): ResolvedCa | null {
  const label = which === "existing" ? "CA" : "agent CA";
  if (e.certPem.trim() === "")
    errors.push({
      field: existingField(which, "certPem"),
      message: `Paste or load the ${label} certificate (${which === "existing" ? "ca.pem" : "agent-ca.pem"}).`,
    });
  if (e.keyPem.trim() === "") {
    errors.push({
      field: existingField(which, "keyPem"),
      message: `Load the ${label}'s private key. It stays in this tab's memory and is never saved, so load it again after a reload.`,
    });
  }
  if (e.certPem.trim() === "" || e.keyPem.trim() === "") return null;
  if (!check) {
    errors.push({ field: existingField(which, "certPem"), message: `Checking the ${label} certificate and key…` });
    return null;
  }
  if (!check.ok) {
    errors.push({ field: existingField(which, check.field), message: check.message });
    return null;
  }
  for (const notice of check.notices) warnings.push({ field: existingField(which, "certPem"), message: notice });
  if (expectedFingerprint && expectedFingerprint !== check.fingerprint) {
    warnings.push({
      field: existingField(which, "certPem"),
      message: `This is not the ${label} your plan file was made with (SHA-256 ${expectedFingerprint.slice(0, 23)}…): certificates from it will not be trusted by hosts that still have the old one.`,
    });
  }
  if (!check.algorithm) return null;
  return {
    commonName: check.commonName,
    validityHours: 0,
    algorithm: check.algorithm,
    existing: { certPem: e.certPem, keyPem: e.keyPem },
  };
}

/** The organization's CA as hosts will trust it, or null with the problem at its field. */
function corporateCa(input: WizardInput, which: "caPem" | "agentCaPem", errors: FieldIssue[]): ResolvedCa | null {
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
  try {
    const commonName = new X509Certificate(block).subjectName.getField("CN")[0] ?? "your organization's CA";
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
function parseCorporate(input: WizardInput, caChecks: CaChecks, errors: FieldIssue[]): Partial<CaValue> {
  const ca = corporateCa(input, "caPem", errors);
  const agentCa = input.plan.caLayout === "separate" ? corporateCa(input, "agentCaPem", errors) : undefined;
  const backend = constraintsInPem(input.ca.corporate.caPem);
  const agent = input.plan.caLayout === "separate" ? constraintsInPem(input.ca.corporate.agentCaPem) : backend;
  for (const message of subjectProblems(backend)) errors.push({ field: "ca.corporate.caPem", message });
  if (agent !== backend)
    for (const message of subjectProblems(agent)) errors.push({ field: "ca.corporate.agentCaPem", message });
  const nameConstraints = { backend, agent };
  const cas = ca && agentCa !== null ? { ca, ...(agentCa ? { agentCa } : {}) } : null;
  const c = input.ca.corporate;
  if (c.files.length === 0) return { cas, nameConstraints };
  const stems = corporateStems(input);
  const check = caChecks.corporate.get(corporateKey(c, stems));
  if (!check) {
    errors.push({
      field: "ca.corporate.files",
      message: "Checking the signed certificates against their keys and CSRs…",
    });
    return { cas, nameConstraints };
  }
  const leaves: Record<string, CorporateLeafMaterial> = {};
  for (const s of stems) {
    const leaf = check.leaves[s.stem];
    const { keyPem, csrPem } = keyAndCsrOf(c, s.stem);
    if (leaf && !leaf.ok) errors.push({ field: "ca.corporate.files", message: leaf.message });
    else if (leaf?.ok && keyPem && csrPem) leaves[s.stem] = { chainPem: leaf.chainPem, keyPem, csrPem };
  }
  return { cas, corporateCheck: check, corporateLeaves: leaves, nameConstraints };
}

/**
 * The constraints of loaded CAs that passed their check: the main CA signs backends (and agents
 * with one CA); a loaded agent CA signs agents, a new one has none. A subject the wizard cannot
 * issue under them is refused at the CA's certificate.
 */
function loadedConstraints(input: WizardInput, value: CaValue, errors: FieldIssue[]): CaValue["nameConstraints"] {
  const of = (which: "existing" | "agentExisting"): IssuerConstraints => {
    const nc = value.existingChecks[which]?.ok ? value.existingChecks[which]?.nameConstraints : undefined;
    if (!nc) return [];
    for (const message of subjectProblems([nc])) errors.push({ field: existingField(which, "certPem"), message });
    return [nc];
  };
  if (input.ca.source !== "existing") return { backend: [], agent: [] };
  const backend = of("existing");
  const agent = keepsAgentCa(input) ? of("agentExisting") : input.plan.caLayout === "separate" ? [] : backend;
  return { backend, agent };
}

/** The Create a CA step: which CAs sign, new (named, with a validity), loaded, or the organization's. */
export function parseCa(input: WizardInput, ctx: ParseContext): StepParse<CaValue> {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const years = parseWholeNumber(input.ca.validityYears, "CA validity in years", 1, MAX_CA_YEARS);
  const caHours = years.ok ? yearsToHours(years.value) : null;
  const value: CaValue = {
    cas: null,
    caHours,
    issuerEnd: { backend: null, agent: null },
    newAgentCa: input.plan.caLayout === "separate" && input.ca.source !== "corporate" && !keepsAgentCa(input),
    existingChecks: {},
    nameConstraints: { backend: [], agent: [] },
  };
  if (input.ca.source === "corporate")
    return { value: { ...value, ...parseCorporate(input, ctx.caChecks, errors) }, errors, warnings };

  const existing = input.ca.source === "existing";
  const fresh = (commonName: string): ResolvedCa | null =>
    caHours === null ? null : { commonName, validityHours: caHours, algorithm: caAlgorithm(input) };
  const checkOf = (e: ExistingCaInput) => ctx.caChecks.existing.get(existingCaKey(e));
  const endOf = (check: ExistingCaCheck | undefined): IssuerEnd => (check?.ok ? new Date(check.notAfter) : "unknown");

  let ca: ResolvedCa | null;
  if (existing) {
    const check = checkOf(input.ca.existing);
    value.existingChecks.existing = check;
    value.issuerEnd.backend = endOf(check);
    ca = parseExisting("existing", input.ca.existing, check, input.ca.expectedFingerprints.ca, errors, warnings);
  } else {
    const cn = commonNameProblem(input.ca.commonName);
    if (cn) errors.push({ field: "ca.commonName", message: cn });
    ca = fresh(input.ca.commonName);
  }
  value.issuerEnd.agent = value.issuerEnd.backend;

  let agentCa: ResolvedCa | null | undefined;
  if (existing && keepsAgentCa(input)) {
    const check = checkOf(input.ca.agentExisting);
    value.existingChecks.agentExisting = check;
    value.issuerEnd.agent = endOf(check);
    agentCa = parseExisting(
      "agentExisting",
      input.ca.agentExisting,
      check,
      input.ca.expectedFingerprints.agentCa,
      errors,
      warnings,
    );
  } else if (input.plan.caLayout === "separate") {
    value.issuerEnd.agent = null;
    const agentCn = commonNameProblem(input.ca.agentCaCommonName);
    if (agentCn) errors.push({ field: "ca.agentCaCommonName", message: agentCn });
    else if (
      input.ca.agentCaCommonName === (existing ? value.existingChecks.existing?.commonName : input.ca.commonName)
    ) {
      // Two roots with one subject confuse chain building: a verifier may try the wrong one.
      errors.push({ field: "ca.agentCaCommonName", message: "The agent CA needs a name different from the main CA." });
    }
    agentCa = fresh(input.ca.agentCaCommonName);
  }
  if (!existing || value.newAgentCa) {
    if (!years.ok) errors.push({ field: "ca.validityYears", message: years.message });
  }
  value.cas = ca && agentCa !== null ? { ca, ...(agentCa ? { agentCa } : {}) } : null;
  value.nameConstraints = loadedConstraints(input, value, errors);
  return { value, errors, warnings };
}
