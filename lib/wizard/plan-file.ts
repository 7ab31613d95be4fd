import { load } from "js-yaml";

import type { RotationRecord } from "../plan/ca-transition";
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
    caFingerprints: {
      fields: {
        ca: "string",
        "agentCa?": "string",
        "rotation?": { fields: { from: "string", to: "string", phase: "integer" } },
        "agentRotation?": { fields: { from: "string", to: "string", phase: "integer" } },
      },
    },
    input: INPUT_SHAPE,
  },
};

/** A rotation record that holds together: two different CAs, a phase 1–3, and the plan's CA is the new one. */
function rotationRecordProblem(r: RotationRecord, ca: string, key: string, caKey: string): string | null {
  if (!FINGERPRINT.test(r.from) || !FINGERPRINT.test(r.to))
    return `caFingerprints.${key}.from and .to must be SHA-256 fingerprints, 32 hex pairs separated by colons.`;
  if (r.from.toUpperCase() === r.to.toUpperCase())
    return `caFingerprints.${key} names the same CA as old and new: a rotation moves to another CA.`;
  if (![1, 2, 3].includes(r.phase)) return `caFingerprints.${key}.phase must be 1, 2 or 3, not ${r.phase}.`;
  if (ca.toUpperCase() !== r.to.toUpperCase())
    return `caFingerprints.${caKey} must be the rotation's new CA (caFingerprints.${key}.to): every phase's plan file names the CA to load next.`;
  return null;
}

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
  const { rotation, agentRotation, ...fingerprints } = plan.caFingerprints;
  const rotationProblem =
    (rotation && rotationRecordProblem(rotation, plan.caFingerprints.ca, "rotation", "ca")) ||
    (agentRotation &&
      rotationRecordProblem(agentRotation, plan.caFingerprints.agentCa ?? "", "agentRotation", "agentCa"));
  if (rotationProblem) return { ok: false, message: rotationProblem };
  for (const [key, value] of Object.entries(fingerprints)) {
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
