import { assemblePlan, type ResolveResult } from "./assemble-plan";
import { assetsInUse } from "./assets-in-use";
import type { WizardInput } from "./model";
import { parseAgents } from "./parse-agents";
import { parseApi } from "./parse-api";
import type { AssetsValue } from "./parse-assets";
import { parseBackends } from "./parse-backends";
import { parseCa } from "./parse-ca";
import { type CaLifecycleValue, parseCaLifecycle } from "./parse-ca-lifecycle";
import { parseEtcd } from "./parse-etcd";
import { parsePlan } from "./parse-plan";
import { parseRenew, type RenewValue } from "./parse-renew";
import { parseRevocation } from "./parse-revocation";
import { parseTransport } from "./parse-transport";
import type { ParseContext, StepParse } from "./step-parse";
import type { ParsedSteps } from "./step-values";

/** Everything the page shows and builds from, computed once per change of the input, the clock or a CA check. */
export interface WizardState {
  /** Each step's value and problems (a StepCheck): for its form, the sidebar and the pager. */
  steps: ParsedSteps;
  /** The plan, once no step has an error; else the steps that have one, in journey order. */
  resolved: ResolveResult;
}

/** The Renew step is its thresholds and the CA's lifecycle: one parse, both parts' problems at their fields. */
function withCaLifecycle(
  renew: StepParse<RenewValue>,
  ca: StepParse<CaLifecycleValue>,
  agentCa: StepParse<CaLifecycleValue> | undefined,
): StepParse<RenewValue> {
  return {
    value: { ...renew.value, ca: ca.value, ...(agentCa ? { agentCa: agentCa.value } : {}) },
    errors: [...renew.errors, ...ca.errors, ...(agentCa?.errors ?? [])],
    warnings: [...renew.warnings, ...ca.warnings, ...(agentCa?.warnings ?? [])],
  };
}

const nothing = (): StepParse<null> => ({ value: null, errors: [], warnings: [] });

/** The Assets step's parse (lib/wizard/assets-reader.ts), given by callers that have loaded it. */
export type AssetsParser = (input: WizardInput) => StepParse<AssetsValue>;

export interface WizardParseContext extends ParseContext {
  /**
   * Parses asset definitions (js-yaml and the sudoers model), which the page loads only once some
   * are given: until then a step with definitions counts as still reading them, never as valid.
   */
  parseAssets?: AssetsParser;
}

function assetsStep(input: WizardInput, ctx: WizardParseContext): StepParse<AssetsValue> {
  if (ctx.parseAssets) return ctx.parseAssets(input);
  const value: AssetsValue = { parsed: null, planned: null, sudoers: assetsInUse(input) ? null : undefined };
  const errors = assetsInUse(input) ? [{ field: "assets.definitions", message: "Reading the asset definitions…" }] : [];
  return { value, errors, warnings: [] };
}

/**
 * Parse every step once, in journey order: a step that depends on an earlier one (etcd members,
 * api-url and the URL hosts on the backends' names; leaf validity on the CA) reads its parsed value
 * instead of parsing that input again.
 */
export function parseSteps(input: WizardInput, ctx: WizardParseContext): ParsedSteps {
  const ca = parseCa(input, ctx);
  const backends = parseBackends(input, ctx, ca.value);
  const agents = parseAgents(input, ctx, ca.value);
  return {
    plan: parsePlan(input),
    ca,
    backends,
    agents,
    etcd: parseEtcd(input, backends.value),
    api: parseApi(input, backends.value, ca.value.nameConstraints.backend),
    "agent-transport": parseTransport(input, backends.value),
    "agent-mtls": nothing(),
    revocation: parseRevocation(input),
    assets: assetsStep(input, ctx),
    "trust-store": nothing(),
    renew: withCaLifecycle(
      parseRenew(input, { backend: backends.value.validity, agent: agents.value.validity }),
      parseCaLifecycle(input, ctx, ca.value.existingChecks.existing, backends.value.validity),
      input.plan.caLayout === "separate"
        ? parseCaLifecycle(input, ctx, ca.value.existingChecks.agentExisting, agents.value.validity, "agentCa")
        : undefined,
    ),
    download: nothing(),
  };
}

export function parseWizard(input: WizardInput, ctx: WizardParseContext): WizardState {
  const steps = parseSteps(input, ctx);
  return { steps, resolved: assemblePlan(input, steps) };
}
