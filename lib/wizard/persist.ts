import { certificateBlocks } from "../pki/pem";
import { INPUT_SHAPE, inputRulesProblem, shapeProblem, withoutLegacyKeys } from "./input-shape";
import { defaultInput, type WizardInput } from "./model";
import { type StepId, STEPS } from "./steps";

/** Storage key for the non-secret inputs (sessionStorage: gone when the tab closes). */
export const STORAGE_KEY = "sensu-tls-wizard:input:v2";
/** Where the previous schema was kept: read once so an upgrade mid-session loses nothing. */
export const LEGACY_STORAGE_KEY = "sensu-tls-wizard:input:v1";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Inputs saved earlier, or null if the text is not a saved input of this schema. Storage can be
 * edited by anyone with devtools, so every field is checked (the same shape plan files follow).
 */
export function parseSavedInput(text: string | null): WizardInput | null {
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (isObject(data) && data.schemaVersion === 1) data = upgradeFromV1(data);
  data = withAgentRows(data);
  if (shapeProblem(data, INPUT_SHAPE, "input", "drop") !== null) return null;
  const input = data as WizardInput;
  return inputRulesProblem(input) === null ? withoutLegacyKeys(input) : null;
}

/** Schema 1 had no config steps and one "6.4+" version: the new sections take their defaults. */
function upgradeFromV1(old: Record<string, unknown>): unknown {
  const defaults = defaultInput();
  const plan = isObject(old.plan) ? { ...old.plan, tlsDir: defaults.plan.tlsDir } : old.plan;
  const { source, existing, agentExisting, corporate, expectedFingerprints } = defaults.ca;
  const ca = isObject(old.ca)
    ? { ...old.ca, source, existing, agentExisting, corporate, expectedFingerprints }
    : old.ca;
  if (isObject(plan) && plan.sensuVersion === "6.4+") plan.sensuVersion = "6.4-6.11";
  const { etcd, api, transport, mtls, revocation, assets, renew } = defaults;
  return { ...old, schemaVersion: 2, plan, ca, etcd, api, transport, mtls, revocation, assets, renew };
}

/**
 * Download headers in an asset definition are usually credentials: never written to storage.
 * `headers: null` and `{}` (how Bonsai publishes most assets) hold nothing and do not count.
 */
const HEADERS = /\bheaders["']?[ \t]*:(?![ \t]*(?:null|~|\{[ \t]*\})[ \t]*,?[ \t]*$)/im;

/**
 * The input as it may be stored: CA private keys never (they stay in memory and are loaded again
 * after a reload), nor asset definitions that name download headers. A new top-level object that
 * shares the untouched parts (inputs are never mutated): the plan carries it on every keystroke,
 * and a JSON round trip of a 10,000-agent input cost more than the rest of assembling the plan.
 */
export function storableInput(input: WizardInput): WizardInput {
  const { assets, ca } = input;
  // Only certificate blocks of the certificate field: a key pasted or loaded there by mistake is not stored.
  const certificatesOnly = (text: string) => certificateBlocks(text).join("\n");
  const publicOnly = (e: WizardInput["ca"]["existing"]) => ({
    certPem: certificatesOnly(e.certPem),
    keyPem: "",
  });
  // The corporate files hold the keys: only the CA certificates are kept.
  const corporate = {
    caPem: certificatesOnly(ca.corporate.caPem),
    agentCaPem: certificatesOnly(ca.corporate.agentCaPem),
    files: [],
  };
  const safeCa = { ...ca, existing: publicOnly(ca.existing), agentExisting: publicOnly(ca.agentExisting), corporate };
  const texts = [assets.pasted, ...assets.files.map((f) => f.text)];
  const safeAssets = texts.some((t) => HEADERS.test(t))
    ? { ...assets, pasted: "", files: [], definitionsNotSaved: true }
    : assets;
  return { ...input, ca: safeCa, assets: safeAssets };
}

export function serializeInput(input: WizardInput): string {
  return JSON.stringify(storableInput(input));
}

/**
 * sessionStorage's form: serializeInput with the agents as a list of names. A 10,000-agent input
 * is ~140 kB that way instead of ~420 kB of {id, commonName} objects, and writing it is a
 * main-thread task (~30 ms at the larger size). Row ids are only keys for this tab's fields: the
 * rows are numbered again when read back.
 */
export function storageText(input: WizardInput): string {
  const safe = storableInput(input);
  const { rows, ...agents } = safe.agents;
  return JSON.stringify({ ...safe, agents: { ...agents, names: rows.map((r) => r.commonName) } });
}

/** A stored `agents.names` list as rows again, before the shape check judges it like any input. */
function withAgentRows(data: unknown): unknown {
  if (!isObject(data) || !isObject(data.agents) || !Array.isArray(data.agents.names) || "rows" in data.agents)
    return data;
  const { names, ...agents } = data.agents;
  const rows = (names as unknown[]).map((commonName, i) => ({ id: `a${i + 1}`, commonName }));
  return { ...data, agents: { ...agents, rows } };
}

export function loadOrDefault(text: string | null): WizardInput {
  return parseSavedInput(text) ?? defaultInput();
}

export const VISITED_KEY = "sensu-tls-wizard:visited:v1";

/** Steps the user has been on, for the sidebar's "done" marks; unknown ids are dropped. */
export function parseVisited(text: string | null): StepId[] {
  try {
    const data: unknown = JSON.parse(text ?? "[]");
    return Array.isArray(data) ? STEPS.map((s) => s.id).filter((id) => data.includes(id)) : [];
  } catch {
    return [];
  }
}
