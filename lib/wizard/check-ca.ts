import { commonNameProblem } from "../pki/names";
import { certificateBlocks } from "../pki/pem";
import type { FieldIssue, StepCheck } from "../plan/issues";
import { keepsAgentCa } from "./check-validity";
import { type ExistingCaInput, MAX_CA_YEARS, type WizardInput } from "./model";
import { parseWholeNumber } from "./numbers";
import { corporateKey, corporateStems } from "./verify-corporate";
import { existingCaKey } from "./verify-existing-ca";

export const existingField = (which: "existing" | "agentExisting", part: "certPem" | "keyPem"): string =>
  `ca.${which}.${part}`;

/** A loaded CA: both halves present, and the page's verification of exactly these texts passed. */
function checkExisting(
  which: "existing" | "agentExisting",
  e: ExistingCaInput,
  expectedFingerprint: string,
  errors: FieldIssue[],
  warnings: FieldIssue[],
): void {
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
  if (e.certPem.trim() === "" || e.keyPem.trim() === "") return;
  if (!e.check || e.check.key !== existingCaKey(e)) {
    errors.push({ field: existingField(which, "certPem"), message: `Checking the ${label} certificate and key…` });
    return;
  }
  if (!e.check.ok) {
    errors.push({ field: existingField(which, e.check.field), message: e.check.message });
    return;
  }
  for (const notice of e.check.notices) warnings.push({ field: existingField(which, "certPem"), message: notice });
  if (expectedFingerprint && expectedFingerprint !== e.check.fingerprint) {
    warnings.push({
      field: existingField(which, "certPem"),
      message: `This is not the ${label} your plan file was made with (SHA-256 ${expectedFingerprint.slice(0, 23)}…): certificates from it will not be trusted by hosts that still have the old one.`,
    });
  }
}

/**
 * Corporate mode: the CA certificates hosts trust are needed from the start; the signed
 * certificates only in step 2 (with no files loaded, the download is the keys-and-CSRs bundle).
 */
function checkCorporate(input: WizardInput, errors: FieldIssue[]): void {
  const c = input.ca.corporate;
  if (certificateBlocks(c.caPem).length === 0)
    errors.push({
      field: "ca.corporate.caPem",
      message:
        "Paste or load the CA certificate your hosts should trust for backend certificates (the root, or the intermediate that issues them).",
    });
  if (input.plan.caLayout === "separate" && certificateBlocks(c.agentCaPem).length === 0) {
    errors.push({
      field: "ca.corporate.agentCaPem",
      message:
        "The separate layout needs the CA that issues agent certificates: a CA etcd does not trust. Load it, or choose the single-CA layout on Plan.",
    });
  }
  if (c.files.length === 0) return;
  const stems = corporateStems(input);
  if (!c.check || c.check.key !== corporateKey(c, stems)) {
    errors.push({
      field: "ca.corporate.files",
      message: "Checking the signed certificates against their keys and CSRs…",
    });
    return;
  }
  for (const s of stems) {
    const leaf = c.check.leaves[s.stem];
    if (leaf && !leaf.ok) errors.push({ field: "ca.corporate.files", message: leaf.message });
  }
}

export function checkCa(input: WizardInput): StepCheck {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  if (input.ca.source === "corporate") {
    checkCorporate(input, errors);
    return { errors, warnings };
  }
  const existing = input.ca.source === "existing";
  if (existing) checkExisting("existing", input.ca.existing, input.ca.expectedFingerprints.ca, errors, warnings);
  else {
    const cn = commonNameProblem(input.ca.commonName);
    if (cn) errors.push({ field: "ca.commonName", message: cn });
  }
  if (existing && keepsAgentCa(input))
    checkExisting("agentExisting", input.ca.agentExisting, input.ca.expectedFingerprints.agentCa, errors, warnings);
  else if (input.plan.caLayout === "separate") {
    const agentCn = commonNameProblem(input.ca.agentCaCommonName);
    if (agentCn) errors.push({ field: "ca.agentCaCommonName", message: agentCn });
    else if (input.ca.agentCaCommonName === (existing ? input.ca.existing.check?.commonName : input.ca.commonName)) {
      // Two roots with one subject confuse chain building: a verifier may try the wrong one.
      errors.push({ field: "ca.agentCaCommonName", message: "The agent CA needs a name different from the main CA." });
    }
  }
  if (!existing || (input.plan.caLayout === "separate" && !keepsAgentCa(input))) {
    const years = parseWholeNumber(input.ca.validityYears, "CA validity in years", 1, MAX_CA_YEARS);
    if (!years.ok) errors.push({ field: "ca.validityYears", message: years.message });
  }
  return { errors, warnings };
}
