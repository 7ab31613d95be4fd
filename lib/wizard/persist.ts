import { isKeyAlgorithm } from "../pki/algorithms";
import { certificateBlocks } from "../pki/pem";
import { SENSU_VERSIONS } from "../plan/sensu-version";
import { RULE_MODES, type RuleMode } from "../sudoers/model";
import { defaultInput, MAX_BACKENDS, MIN_BACKENDS, type WizardInput } from "./model";
import { parseWholeNumber } from "./numbers";
import { type StepId, STEPS } from "./steps";

/** Storage key for the non-secret inputs (sessionStorage: gone when the tab closes). */
export const STORAGE_KEY = "sensu-tls-wizard:input:v2";
/** Where the previous schema was kept: read once so an upgrade mid-session loses nothing. */
export const LEGACY_STORAGE_KEY = "sensu-tls-wizard:input:v1";

const isString = (v: unknown): v is string => typeof v === "string";
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Inputs saved earlier, or null if the text is not a saved input of this schema. Storage can be
 * edited by anyone with devtools, so every field is checked rather than trusted.
 */
export function parseSavedInput(text: string | null): WizardInput | null {
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(data)) return null;
  if (data.schemaVersion === 1) data = upgradeFromV1(data);
  if (!isObject(data) || data.schemaVersion !== 2) return null;
  const { plan, ca, backends, agents } = data;
  if (!isObject(plan) || !isObject(ca) || !isObject(backends) || !isObject(agents)) return null;
  if (!SENSU_VERSIONS.includes(plan.sensuVersion as never) || !isString(plan.backendCount) || !isString(plan.tlsDir))
    return null;
  if (!sensuSectionsOk(data)) return null;
  if (plan.caLayout !== "separate" && plan.caLayout !== "single") return null;
  if (!isKeyAlgorithm(plan.keyAlgorithm)) return null;
  if (!isString(ca.commonName) || !isString(ca.agentCaCommonName) || !isString(ca.validityYears)) return null;
  if (ca.keyAlgorithm !== "plan" && !isKeyAlgorithm(ca.keyAlgorithm)) return null;
  if (
    !["new", "existing", "corporate"].includes(ca.source as string) ||
    !existingCaOk(ca.existing) ||
    !existingCaOk(ca.agentExisting)
  )
    return null;
  const corp = ca.corporate;
  if (
    !isObject(corp) ||
    !isString(corp.caPem) ||
    !isString(corp.agentCaPem) ||
    !Array.isArray(corp.files) ||
    corp.files.length > 0 ||
    corp.check !== null
  )
    return null;
  if (
    !isObject(ca.expectedFingerprints) ||
    !isString(ca.expectedFingerprints.ca) ||
    !isString(ca.expectedFingerprints.agentCa)
  )
    return null;
  if (!Array.isArray(backends.rows) || !isString(backends.validityHours)) return null;
  if (!Array.isArray(agents.rows) || !isString(agents.validityHours)) return null;
  const backendRowOk = (r: unknown) =>
    isObject(r) && ["id", "name", "ips", "fqdn", "extraNames"].every((k) => isString(r[k]));
  const agentRowOk = (r: unknown) => isObject(r) && isString(r.id) && isString(r.commonName);
  if (!backends.rows.every(backendRowOk) || !agents.rows.every(agentRowOk)) return null;
  const input = data as unknown as WizardInput;
  // Row ids key the edits: a duplicate would make one edit change two rows.
  const unique = (rows: { id: string }[]) => new Set(rows.map((r) => r.id)).size === rows.length;
  if (!unique(input.backends.rows) || !unique(input.agents.rows)) return null;
  if (input.backends.rows.length < MIN_BACKENDS || input.backends.rows.length > MAX_BACKENDS) return null;
  const count = parseWholeNumber(input.plan.backendCount, "count", MIN_BACKENDS, MAX_BACKENDS);
  if (count.ok && count.value !== input.backends.rows.length) return null;
  return input;
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

function sensuSectionsOk(data: Record<string, unknown>): boolean {
  const { etcd, api, transport, mtls, revocation } = data;
  if (!isObject(etcd) || !isObject(api) || !isObject(transport) || !isObject(mtls) || !isObject(revocation))
    return false;
  if (!isString(etcd.clusterToken) || (etcd.clusterState !== "new" && etcd.clusterState !== "existing")) return false;
  if (!["apiUrlHost", "dashboardNames", "dashboardCertPath", "dashboardKeyPath"].every((k) => isString(api[k])))
    return false;
  if (!["shared", "issue", "file"].includes(api.dashboard as string)) return false;
  if (!isObject(transport.urlHosts) || !Object.values(transport.urlHosts).every(isString)) return false;
  if (typeof mtls.enabled !== "boolean" || typeof mtls.bindUsers !== "boolean") return false;
  if (revocation.check !== "on" && revocation.check !== "off") return false;
  if (
    !["revoke", "crlUrl", "nextUpdateDays"].every((k) => isString(revocation[k])) ||
    typeof revocation.cdpInNewCerts !== "boolean"
  )
    return false;
  if (revocation.crlIssuer !== "ca" && revocation.crlIssuer !== "agent-ca") return false;
  if (!isObject(data.renew) || !isString(data.renew.warningDays) || !isString(data.renew.criticalDays)) return false;
  return assetsOk(data.assets);
}

/** Saved inputs never hold a key or a check: both are dropped on save (see serializeInput). */
function existingCaOk(v: unknown): boolean {
  return isObject(v) && isString(v.certPem) && v.keyPem === "" && v.check === null;
}

function assetsOk(assets: unknown): boolean {
  if (!isObject(assets)) return false;
  if (!["pasted", "user", "cacheDir", "rootDir"].every((k) => isString(assets[k]))) return false;
  if (!RULE_MODES.includes(assets.mode as RuleMode)) return false;
  if (!["diagnosticEcho", "securePath", "definitionsNotSaved"].every((k) => typeof assets[k] === "boolean"))
    return false;
  const fileOk = (f: unknown) => isObject(f) && isString(f.name) && isString(f.text);
  const choiceOk = (c: unknown) =>
    isObject(c) && isString(c.asset) && Number.isInteger(c.build) && isString(c.commands);
  return (
    Array.isArray(assets.files) &&
    assets.files.every(fileOk) &&
    Array.isArray(assets.choices) &&
    assets.choices.every(choiceOk)
  );
}

/**
 * Download headers in an asset definition are usually credentials: never written to storage.
 * `headers: null` and `{}` (how Bonsai publishes most assets) hold nothing and do not count.
 */
const HEADERS = /\bheaders["']?[ \t]*:(?![ \t]*(?:null|~|\{[ \t]*\})[ \t]*,?[ \t]*$)/im;

/**
 * The input as it may be stored: CA private keys never (they stay in memory and are loaded again
 * after a reload), nor asset definitions that name download headers.
 */
export function serializeInput(input: WizardInput): string {
  const { assets, ca } = input;
  // Only certificate blocks of the certificate field: a key pasted or loaded there by mistake is not stored.
  const certificatesOnly = (text: string) => certificateBlocks(text).join("\n");
  const publicOnly = (e: WizardInput["ca"]["existing"]) => ({
    certPem: certificatesOnly(e.certPem),
    keyPem: "",
    check: null,
  });
  // The corporate files hold the keys: only the CA certificates are kept.
  const corporate = {
    caPem: certificatesOnly(ca.corporate.caPem),
    agentCaPem: certificatesOnly(ca.corporate.agentCaPem),
    files: [],
    check: null,
  };
  const safeCa = { ...ca, existing: publicOnly(ca.existing), agentExisting: publicOnly(ca.agentExisting), corporate };
  const texts = [assets.pasted, ...assets.files.map((f) => f.text)];
  const safeAssets = texts.some((t) => HEADERS.test(t))
    ? { ...assets, pasted: "", files: [], definitionsNotSaved: true }
    : assets;
  return JSON.stringify({ ...input, ca: safeCa, assets: safeAssets });
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
