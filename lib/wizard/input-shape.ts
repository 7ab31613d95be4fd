import { KEY_ALGORITHMS } from "../pki/algorithms";
import { PLAN_FILE_VERSION } from "../plan/plan-file-version";
import { SENSU_VERSIONS } from "../plan/sensu-version";
import { RULE_MODES } from "../sudoers/defaults";
import { MAX_AGENTS, MAX_BACKENDS, MIN_BACKENDS, type WizardInput } from "./model";
import { parseWholeNumber } from "./numbers";

/**
 * The one description of a saved input's shape: sessionStorage and plan files are both checked
 * against it, field by field, because both can be edited by hand.
 */

/** The expected shape; a key ending in "?" may be absent. */
export type Shape =
  | "string"
  | "boolean"
  | "integer"
  | "null"
  /** A key older versions wrote as null and this one no longer has: accepted, then dropped. */
  | "legacy-null"
  /** A list that must be empty (keys and loaded files are never saved). */
  | "empty-list"
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
const EXISTING_CA: Shape = { fields: { certPem: "string", keyPem: { oneOf: [""] }, "check?": "legacy-null" } };

/** The Renew step's CA part, for the CA and the agent CA: a certificate at most, never a key. */
const CA_LIFECYCLE: Shape = {
  fields: {
    action: { oneOf: ["keep", "renew", "rotate"] },
    newCommonName: "string",
    validityYears: "string",
    previousCaPem: "string",
    rotation: { fields: { from: "string", to: "string", phase: "integer" } },
  },
};

/** Schema 2 of the wizard's input, as saved: no keys, no loaded files. */
export const INPUT_SHAPE: Shape = {
  fields: {
    schemaVersion: { literal: 2 },
    plan: {
      fields: {
        sensuVersion: { oneOf: SENSU_VERSIONS },
        backendCount: "string",
        caLayout: { oneOf: ["separate", "single"] },
        keyAlgorithm: ALGORITHM,
        tlsDir: "string",
        "ansible?": "boolean",
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
        corporate: { fields: { caPem: "string", agentCaPem: "string", files: "empty-list", "check?": "legacy-null" } },
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
    renew: {
      fields: {
        warningDays: "string",
        criticalDays: "string",
        "ca?": CA_LIFECYCLE,
        "agentCa?": CA_LIFECYCLE,
      },
    },
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
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return "empty";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `the ${typeof v} ${JSON.stringify(v)}`;
}

/** The first field that does not fit, named by its path ("input.plan.backendCount"), or null. */
/**
 * "refuse": a key the shape does not name is a problem (plan files: a typo must not pass silently).
 * "drop": it is deleted from the (freshly parsed) value (storage: a neighbouring build's extra key
 * should not cost the user their inputs).
 */
export type ExtraKeys = "refuse" | "drop";

export function shapeProblem(
  value: unknown,
  shape: Shape,
  path: string,
  extraKeys: ExtraKeys = "refuse",
): string | null {
  if (shape === "string")
    return typeof value === "string" ? null : `${path} must be text (in quotes), not ${typeName(value)}.`;
  if (shape === "null" || shape === "legacy-null")
    return value === null ? null : `${path} must be null, not ${typeName(value)}.`;
  if (shape === "empty-list")
    return Array.isArray(value) && value.length === 0
      ? null
      : `${path} must be an empty list: loaded files are never saved.`;
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
      const problem = shapeProblem(item, shape.list, `${path}[${i}]`, extraKeys);
      if (problem) return problem;
    }
    return null;
  }
  if ("record" in shape) {
    if (!isObject(value)) return `${path} must be a mapping, not ${typeName(value)}.`;
    for (const [k, v] of Object.entries(value)) {
      const problem = shapeProblem(v, shape.record, `${path}.${k}`, extraKeys);
      if (problem) return problem;
    }
    return null;
  }
  if (!isObject(value)) return `${path} must be a mapping of fields, not ${typeName(value)}.`;
  const keys = Object.keys(shape.fields).map((k) => k.replace(/\?$/, ""));
  const extras = Object.keys(value).filter((k) => !keys.includes(k));
  if (extras[0] !== undefined && extraKeys === "refuse")
    return `${path}.${extras[0]} is not a field of a version ${PLAN_FILE_VERSION} plan file; remove it.`;
  for (const extra of extras) delete value[extra];
  for (const [key, inner] of Object.entries(shape.fields)) {
    const name = key.replace(/\?$/, "");
    if (!(name in value)) {
      if (key.endsWith("?")) continue;
      return `${path}.${name} is missing.`;
    }
    const problem = shapeProblem(value[name], inner, `${path}.${name}`, extraKeys);
    if (problem) return problem;
  }
  return null;
}

/** The rules between fields, or null: unique row ids, 1 to 7 backends, and a count that matches the rows. */
export function inputRulesProblem(input: WizardInput): string | null {
  const problem =
    "input does not hold together: row ids must be unique, 1 to 7 backend rows, and input.plan.backendCount must equal the number of backend rows.";
  // Row ids key the edits: a duplicate would make one edit change two rows.
  const unique = (rows: { id: string }[]) => new Set(rows.map((r) => r.id)).size === rows.length;
  if (!unique(input.backends.rows) || !unique(input.agents.rows)) return problem;
  if (input.backends.rows.length < MIN_BACKENDS || input.backends.rows.length > MAX_BACKENDS) return problem;
  if (input.agents.rows.length > MAX_AGENTS)
    return `input lists ${input.agents.rows.length.toLocaleString("en-US")} agent certificates; the wizard issues at most ${MAX_AGENTS.toLocaleString("en-US")} in one plan.`;
  const count = parseWholeNumber(input.plan.backendCount, "count", MIN_BACKENDS, MAX_BACKENDS);
  if (count.ok && count.value !== input.backends.rows.length) return problem;
  return null;
}

/** Drop what older versions saved and this one keeps elsewhere (CA check results are page state now). */
export function withoutLegacyKeys(input: WizardInput): WizardInput {
  const drop = <T extends object>(o: T): T => {
    const { check: _check, ...rest } = o as T & { check?: unknown };
    return rest as T;
  };
  const { ca } = input;
  return {
    ...input,
    ca: { ...ca, existing: drop(ca.existing), agentExisting: drop(ca.agentExisting), corporate: drop(ca.corporate) },
  };
}
