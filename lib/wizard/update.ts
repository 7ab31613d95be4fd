import type { KeyAlgorithmId } from "../pki/algorithms";
import { type CaLayout, SENSU_VERSION_LABELS, type SensuVersion } from "../plan/sensu-version";
import { keyExists } from "../sensu/key-catalog";
import {
  type AgentRow,
  type BackendRow,
  exampleBackend,
  MAX_AGENTS,
  MAX_BACKENDS,
  MIN_BACKENDS,
  type WizardInput,
} from "./model";
import { parseWholeNumber } from "./numbers";

/** Pure state changes: each returns a new input and leaves the old one untouched. */

function freshId(prefix: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((r) => r.id));
  let n = taken.length + 1;
  while (ids.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export type PlanPatch = Partial<{
  sensuVersion: SensuVersion;
  caLayout: CaLayout;
  keyAlgorithm: KeyAlgorithmId;
  ansible: boolean;
}>;

export function patchPlan(input: WizardInput, patch: PlanPatch): WizardInput {
  return { ...input, plan: { ...input.plan, ...patch } };
}

/**
 * Keeps the raw text and, when it is a valid count, grows or shrinks the backend table to match.
 * New rows follow the guide's example (backend-N, 10.0.0.N); an invalid count changes no rows.
 */
export function setBackendCount(input: WizardInput, raw: string): WizardInput {
  const next = { ...input, plan: { ...input.plan, backendCount: raw } };
  const count = parseWholeNumber(raw, "number of backends", MIN_BACKENDS, MAX_BACKENDS);
  if (!count.ok) return next;
  const rows = input.backends.rows.slice(0, count.value);
  while (rows.length < count.value) rows.push(exampleBackend(rows.length + 1, freshId("b", rows)));
  return { ...next, backends: { ...input.backends, rows } };
}

export function patchCa(input: WizardInput, patch: Partial<WizardInput["ca"]>): WizardInput {
  return { ...input, ca: { ...input.ca, ...patch } };
}

export function patchBackend(input: WizardInput, id: string, patch: Partial<Omit<BackendRow, "id">>): WizardInput {
  const rows = input.backends.rows.map((r) => (r.id === id ? { ...r, ...patch } : r));
  return { ...input, backends: { ...input.backends, rows } };
}

export function setBackendValidity(input: WizardInput, raw: string): WizardInput {
  return { ...input, backends: { ...input.backends, validityHours: raw } };
}

export function addAgent(input: WizardInput): WizardInput {
  if (input.agents.rows.length >= MAX_AGENTS) return input;
  const row: AgentRow = { id: freshId("a", input.agents.rows), commonName: "" };
  return { ...input, agents: { ...input.agents, rows: [...input.agents.rows, row] } };
}

/** The agent list replaced by these names (a pasted or loaded list), ids a1…aN. */
export function replaceAgents(input: WizardInput, names: readonly string[]): WizardInput {
  const rows: AgentRow[] = names.map((commonName, i) => ({ id: `a${i + 1}`, commonName }));
  return { ...input, agents: { ...input.agents, rows } };
}

export function removeAgent(input: WizardInput, id: string): WizardInput {
  return { ...input, agents: { ...input.agents, rows: input.agents.rows.filter((r) => r.id !== id) } };
}

export function patchAgent(input: WizardInput, id: string, commonName: string): WizardInput {
  const rows = input.agents.rows.map((r) => (r.id === id ? { ...r, commonName } : r));
  return { ...input, agents: { ...input.agents, rows } };
}

export function setAgentValidity(input: WizardInput, raw: string): WizardInput {
  return { ...input, agents: { ...input.agents, validityHours: raw } };
}

/**
 * Switching release keeps every input, but a setting the new release does not have is dropped
 * from the config, and the caller shows the returned notice so it is not dropped silently.
 */
export function changeSensuVersion(
  input: WizardInput,
  sensuVersion: SensuVersion,
): { input: WizardInput; notice: string | null } {
  const next = patchPlan(input, { sensuVersion });
  const key = "enable-cert-revocation-check";
  // Only a choice the user made is worth a notice: the default simply stops being written.
  if (
    input.revocation.check !== "on" &&
    keyExists("backend", key, input.plan.sensuVersion) &&
    !keyExists("backend", key, sensuVersion)
  ) {
    const notice = `Sensu ${SENSU_VERSION_LABELS[sensuVersion]} has no ${key}, so your revocation setting ("${input.revocation.check}") was dropped and backend.yml no longer carries it.`;
    return { input: { ...next, revocation: { ...next.revocation, check: "on" } }, notice };
  }
  return { input: next, notice: null };
}

export function patchEtcd(input: WizardInput, patch: Partial<WizardInput["etcd"]>): WizardInput {
  return { ...input, etcd: { ...input.etcd, ...patch } };
}

export function patchApi(input: WizardInput, patch: Partial<WizardInput["api"]>): WizardInput {
  return { ...input, api: { ...input.api, ...patch } };
}

export function setUrlHost(input: WizardInput, rowId: string, host: string): WizardInput {
  return { ...input, transport: { urlHosts: { ...input.transport.urlHosts, [rowId]: host } } };
}

export function patchMtls(input: WizardInput, patch: Partial<WizardInput["mtls"]>): WizardInput {
  return { ...input, mtls: { ...input.mtls, ...patch } };
}

export function setRevocationCheck(input: WizardInput, check: WizardInput["revocation"]["check"]): WizardInput {
  return { ...input, revocation: { ...input.revocation, check } };
}

export function patchRevocation(input: WizardInput, patch: Partial<WizardInput["revocation"]>): WizardInput {
  return { ...input, revocation: { ...input.revocation, ...patch } };
}

export function setTlsDir(input: WizardInput, tlsDir: string): WizardInput {
  return { ...input, plan: { ...input.plan, tlsDir } };
}

export function patchAssets(input: WizardInput, patch: Partial<WizardInput["assets"]>): WizardInput {
  return { ...input, assets: { ...input.assets, ...patch } };
}

/** Picks or drops one build; a dropped build's commands go with it. */
export function toggleAssetBuild(input: WizardInput, asset: string, build: number, on: boolean): WizardInput {
  const others = input.assets.choices.filter((c) => !(c.asset === asset && c.build === build));
  return patchAssets(input, { choices: on ? [...others, { asset, build, commands: "" }] : others });
}

export function setAssetCommands(input: WizardInput, index: number, commands: string): WizardInput {
  return patchAssets(input, { choices: input.assets.choices.map((c, i) => (i === index ? { ...c, commands } : c)) });
}

export function patchExistingCa(
  input: WizardInput,
  which: "existing" | "agentExisting",
  patch: Partial<WizardInput["ca"]["existing"]>,
): WizardInput {
  return { ...input, ca: { ...input.ca, [which]: { ...input.ca[which], ...patch } } };
}

export function patchRenew(input: WizardInput, patch: Partial<WizardInput["renew"]>): WizardInput {
  return { ...input, renew: { ...input.renew, ...patch } };
}

export function patchCorporate(input: WizardInput, patch: Partial<WizardInput["ca"]["corporate"]>): WizardInput {
  return { ...input, ca: { ...input.ca, corporate: { ...input.ca.corporate, ...patch } } };
}
