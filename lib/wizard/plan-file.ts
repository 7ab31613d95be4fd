import { load } from "js-yaml";

import { type CaFingerprints, PLAN_FILE_KIND, PLAN_FILE_VERSION, type PlanFileOf, planFileOf } from "../plan/plan-file";
import { INPUT_SHAPE, inputRulesProblem, type Shape, shapeProblem, typeName, withoutLegacyKeys } from "./input-shape";
import type { WizardInput } from "./model";
import { serializeInput } from "./persist";

export type PlanFile = PlanFileOf<WizardInput>;

export type PlanFileResult = { ok: true; value: PlanFile } | { ok: false; message: string };

/** Only what sessionStorage may hold: serializeInput already leaves every secret out. */
export function makePlanFile(input: WizardInput, caFingerprints: CaFingerprints): PlanFile {
  return planFileOf(JSON.parse(serializeInput(input)) as WizardInput, caFingerprints);
}

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/i;

const PLAN_SHAPE: Shape = {
  fields: {
    kind: "string",
    version: { literal: PLAN_FILE_VERSION },
    caFingerprints: { fields: { ca: "string", "agentCa?": "string" } },
    input: INPUT_SHAPE,
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Read a plan file (JSON or YAML), checking every field; messages name the field at fault. */
export function parsePlanFile(text: string): PlanFileResult {
  let data: unknown;
  try {
    data = load(text);
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    return { ok: false, message: `failed to read the plan file: it is neither JSON nor YAML (${first}).` };
  }
  if (!isObject(data))
    return {
      ok: false,
      message: "failed to read the plan file: it should be a mapping with kind, version, caFingerprints and input.",
    };
  if (data.kind !== PLAN_FILE_KIND)
    return {
      ok: false,
      message: `This is not a Sensu TLS Wizard plan file: kind is ${typeName(data.kind)}, expected "${PLAN_FILE_KIND}".`,
    };
  if (typeof data.version === "number" && Number.isInteger(data.version) && data.version > PLAN_FILE_VERSION) {
    return {
      ok: false,
      message: `The plan file is version ${data.version}, made by a newer wizard; this one reads version ${PLAN_FILE_VERSION}. Open it with the newer wizard.`,
    };
  }
  const problem = shapeProblem(data, PLAN_SHAPE, "plan");
  if (problem) return { ok: false, message: problem.replace(/^plan\./, "") };
  const plan = data as unknown as PlanFile;
  for (const [key, value] of Object.entries(plan.caFingerprints)) {
    // Empty: the plan of a keys-and-CSRs bundle, made before any CA was known.
    if (value !== "" && !FINGERPRINT.test(value))
      return {
        ok: false,
        message: `caFingerprints.${key} must be a SHA-256 fingerprint, 32 hex pairs separated by colons (openssl x509 -noout -fingerprint -sha256).`,
      };
  }
  const rules = inputRulesProblem(plan.input);
  if (rules) return { ok: false, message: rules };
  return { ok: true, value: { ...plan, input: withoutLegacyKeys(plan.input) } };
}
