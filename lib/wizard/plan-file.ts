import { load } from "js-yaml";

import { KEY_ALGORITHMS } from "../pki/algorithms";
import { type CaFingerprints, PLAN_FILE_KIND, PLAN_FILE_VERSION, type PlanFileOf, planFileOf } from "../plan/plan-file";
import { SENSU_VERSIONS } from "../plan/sensu-version";
import { RULE_MODES } from "../sudoers/model";
import type { WizardInput } from "./model";
import { parseSavedInput, serializeInput } from "./persist";

export type PlanFile = PlanFileOf<WizardInput>;

export type PlanFileResult = { ok: true; value: PlanFile } | { ok: false; message: string };

/** Only what sessionStorage may hold: serializeInput already leaves every secret out. */
export function makePlanFile(input: WizardInput, caFingerprints: CaFingerprints): PlanFile {
  return planFileOf(JSON.parse(serializeInput(input)) as WizardInput, caFingerprints);
}

/** The expected shape; a key ending in "?" may be absent. */
type Shape =
  | "string"
  | "boolean"
  | "integer"
  | "null"
  | { literal: number }
  | { oneOf: readonly string[] }
  | { list: Shape }
  | { record: Shape }
  | { fields: Record<string, Shape> };

const ROW_TEXT = (...keys: string[]): Shape => ({
  list: { fields: Object.fromEntries(keys.map((k) => [k, "string" as Shape])) },
});
const ALGORITHM: Shape = { oneOf: KEY_ALGORITHMS };
/** A plan file carries a CA's certificate at most: never its key. */
const EXISTING_CA: Shape = { fields: { certPem: "string", keyPem: { oneOf: [""] }, check: "null" } };
const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/i;

const PLAN_SHAPE: Shape = {
  fields: {
    kind: "string",
    version: { literal: PLAN_FILE_VERSION },
    caFingerprints: { fields: { ca: "string", "agentCa?": "string" } },
    input: {
      fields: {
        schemaVersion: { literal: 2 },
        plan: {
          fields: {
            sensuVersion: { oneOf: SENSU_VERSIONS },
            backendCount: "string",
            caLayout: { oneOf: ["separate", "single"] },
            keyAlgorithm: ALGORITHM,
            tlsDir: "string",
          },
        },
        ca: {
          fields: {
            source: { oneOf: ["new", "existing", "corporate"] },
            commonName: "string",
            agentCaCommonName: "string",
            validityYears: "string",
            keyAlgorithm: { oneOf: ["plan", ...KEY_ALGORITHMS] },
            existing: EXISTING_CA,
            agentExisting: EXISTING_CA,
            corporate: { fields: { caPem: "string", agentCaPem: "string", files: { list: "null" }, check: "null" } },
            expectedFingerprints: { fields: { ca: "string", agentCa: "string" } },
          },
        },
        backends: { fields: { rows: ROW_TEXT("id", "name", "ips", "fqdn", "extraNames"), validityHours: "string" } },
        agents: { fields: { rows: ROW_TEXT("id", "commonName"), validityHours: "string" } },
        etcd: { fields: { clusterToken: "string", clusterState: { oneOf: ["new", "existing"] } } },
        api: {
          fields: {
            apiUrlHost: "string",
            dashboard: { oneOf: ["shared", "issue", "file"] },
            dashboardNames: "string",
            dashboardCertPath: "string",
            dashboardKeyPath: "string",
          },
        },
        transport: { fields: { urlHosts: { record: "string" } } },
        mtls: { fields: { enabled: "boolean", bindUsers: "boolean" } },
        revocation: {
          fields: {
            check: { oneOf: ["on", "off"] },
            revoke: "string",
            crlIssuer: { oneOf: ["ca", "agent-ca"] },
            crlUrl: "string",
            nextUpdateDays: "string",
            cdpInNewCerts: "boolean",
          },
        },
        renew: { fields: { warningDays: "string", criticalDays: "string" } },
        assets: {
          fields: {
            pasted: "string",
            files: ROW_TEXT("name", "text"),
            user: "string",
            cacheDir: "string",
            mode: { oneOf: RULE_MODES },
            rootDir: "string",
            choices: { list: { fields: { asset: "string", build: "integer", commands: "string" } } },
            diagnosticEcho: "boolean",
            securePath: "boolean",
            definitionsNotSaved: "boolean",
          },
        },
      },
    },
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function typeName(v: unknown): string {
  if (v === null || v === undefined) return "empty";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `the ${typeof v} ${JSON.stringify(v)}`;
}

/** The first field that does not fit, named by its path ("input.plan.backendCount"), or null. */
function shapeProblem(value: unknown, shape: Shape, path: string): string | null {
  if (shape === "string")
    return typeof value === "string" ? null : `${path} must be text (in quotes), not ${typeName(value)}.`;
  if (shape === "null") return value === null ? null : `${path} must be null, not ${typeName(value)}.`;
  if (shape === "boolean")
    return typeof value === "boolean" ? null : `${path} must be true or false, not ${typeName(value)}.`;
  if (shape === "integer")
    return Number.isInteger(value) ? null : `${path} must be a whole number, not ${typeName(value)}.`;
  if ("literal" in shape)
    return value === shape.literal ? null : `${path} must be ${shape.literal}, not ${typeName(value)}.`;
  if ("oneOf" in shape)
    return shape.oneOf.includes(value as string)
      ? null
      : `${path} must be one of ${shape.oneOf.map((o) => `"${o}"`).join(", ")}, not ${typeName(value)}.`;
  if ("list" in shape) {
    if (!Array.isArray(value)) return `${path} must be a list, not ${typeName(value)}.`;
    for (const [i, item] of value.entries()) {
      const problem = shapeProblem(item, shape.list, `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if ("record" in shape) {
    if (!isObject(value)) return `${path} must be a mapping, not ${typeName(value)}.`;
    for (const [k, v] of Object.entries(value)) {
      const problem = shapeProblem(v, shape.record, `${path}.${k}`);
      if (problem) return problem;
    }
    return null;
  }
  if (!isObject(value)) return `${path} must be a mapping of fields, not ${typeName(value)}.`;
  const keys = Object.keys(shape.fields).map((k) => k.replace(/\?$/, ""));
  const extra = Object.keys(value).find((k) => !keys.includes(k));
  if (extra) return `${path}.${extra} is not a field of a version ${PLAN_FILE_VERSION} plan file; remove it.`;
  for (const [key, inner] of Object.entries(shape.fields)) {
    const name = key.replace(/\?$/, "");
    if (!(name in value)) {
      if (key.endsWith("?")) continue;
      return `${path}.${name} is missing.`;
    }
    const problem = shapeProblem(value[name], inner, `${path}.${name}`);
    if (problem) return problem;
  }
  return null;
}

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
  // The field-by-field checks above name the field; persist.ts keeps the rules between fields.
  if (!parseSavedInput(JSON.stringify(plan.input))) {
    return {
      ok: false,
      message:
        "input does not hold together: row ids must be unique, 1 to 7 backend rows, and input.plan.backendCount must equal the number of backend rows.",
    };
  }
  return { ok: true, value: plan };
}
