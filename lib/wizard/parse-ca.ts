import { formatUtc } from "../pki/format";
import { commonNameProblem } from "../pki/names";
import { AGENT_CA_STEM, CA_STEM, cfsslNames } from "../plan/file-names";
import type { FieldIssue } from "../plan/issues";
import type { CorporateLeafMaterial, ResolvedCa } from "../plan/resolved-plan";
import type { CorporateCheck, CorporateStem, ExistingCaCheck } from "./ca-checks";
import { existingCaKey } from "./ca-checks";
import { caAlgorithm, type ExistingCaInput, MAX_CA_YEARS, type WizardInput, yearsToHours } from "./model";
import { type IssuerConstraints, subjectProblems } from "./name-constraint-checks";
import { parseWholeNumber } from "./numbers";
import { parseCorporate } from "./parse-corporate";
import { rotationCaProblem } from "./rotation-ca-check";
import type { ParseContext, StepParse } from "./step-parse";

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
  /** Corporate mode: the certificates the organization's CA is asked to sign, by file stem. */
  stems?: CorporateStem[];
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
  ctx: ParseContext,
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
      message: `Paste or load the ${label} certificate (${cfsslNames(which === "existing" ? CA_STEM : AGENT_CA_STEM).cert}).`,
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
  // Checked when it was loaded; the tab may have stayed open past the CA's end since.
  if (ctx.now >= new Date(check.notAfter)) {
    errors.push({
      field: existingField(which, "certPem"),
      message: `"${check.commonName}" expired on ${formatUtc(new Date(check.notAfter))}: certificates it signs would be refused. Renew the CA first, or import a current one.`,
    });
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
    return { value: { ...value, ...parseCorporate(input, ctx.caChecks, ctx.readCaPem, errors) }, errors, warnings };

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
    ca = parseExisting(ctx, "existing", input.ca.existing, check, input.ca.expectedFingerprints.ca, errors, warnings);
    const wrongPhaseCa = rotationCaProblem(input, check);
    if (wrongPhaseCa) errors.push(wrongPhaseCa);
    const wrongPhaseAgentCa = keepsAgentCa(input)
      ? rotationCaProblem(input, checkOf(input.ca.agentExisting), "agentCa")
      : null;
    if (wrongPhaseAgentCa) errors.push(wrongPhaseAgentCa);
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
      ctx,
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
