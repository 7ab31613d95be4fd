import type { KeyAlgorithmId } from "../pki/algorithms";
import type { San } from "../pki/names";
import { stepsWithErrors } from "./check";
import { backendSans } from "./check-backends";
import { caValidityHours, checkLeafValidity } from "./check-validity";
import { caAlgorithm, type CaLayout, type SensuVersion, type WizardInput } from "./model";
import type { StepId } from "./steps";

export interface ResolvedCa {
  commonName: string;
  validityHours: number;
  algorithm: KeyAlgorithmId;
}

export interface ResolvedBackend {
  name: string;
  fqdn: string;
  /** CN first; every IP and name the backend is reached by. */
  sans: San[];
}

/** The validated plan the bundle builder consumes: typed values only, no raw text. */
export interface ResolvedPlan {
  sensuVersion: SensuVersion;
  caLayout: CaLayout;
  leafAlgorithm: KeyAlgorithmId;
  ca: ResolvedCa;
  /** Present in the separate-CA layout: signs agent certificates only. */
  agentCa?: ResolvedCa;
  backends: ResolvedBackend[];
  backendValidityHours: number;
  agents: { commonName: string }[];
  agentValidityHours: number;
}

export type ResolveResult = { ok: true; plan: ResolvedPlan } | { ok: false; steps: StepId[] };

export function resolvePlan(input: WizardInput, now: Date): ResolveResult {
  const steps = stepsWithErrors(input, now);
  const caHours = caValidityHours(input);
  const backendHours = checkLeafValidity(input.backends.validityHours, input, now);
  const agentHours = checkLeafValidity(input.agents.validityHours, input, now);
  if (steps.length > 0 || caHours === null || !backendHours.ok || !agentHours.ok) return { ok: false, steps };
  const algorithm = caAlgorithm(input);
  const ca: ResolvedCa = { commonName: input.ca.commonName, validityHours: caHours, algorithm };
  return {
    ok: true,
    plan: {
      sensuVersion: input.plan.sensuVersion,
      caLayout: input.plan.caLayout,
      leafAlgorithm: input.plan.keyAlgorithm,
      ca,
      agentCa: input.plan.caLayout === "separate" ? { ...ca, commonName: input.ca.agentCaCommonName } : undefined,
      backends: input.backends.rows.map((row) => ({ name: row.name.trim(), fqdn: row.fqdn.trim(), sans: backendSans(row).sans })),
      backendValidityHours: backendHours.hours,
      agents: input.agents.rows.map((row) => ({ commonName: row.commonName })),
      agentValidityHours: agentHours.hours,
    },
  };
}
