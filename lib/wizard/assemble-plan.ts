import type { ResolvedPlan } from "../plan/resolved-plan";
import type { WizardInput } from "./model";
import { storableInput } from "./persist";
import type { ParsedSteps } from "./step-values";
import { type StepId, STEPS } from "./steps";

export type ResolveResult = { ok: true; plan: ResolvedPlan } | { ok: false; steps: StepId[] };

/**
 * The validated plan the bundle builder consumes, assembled from the steps' parsed values (nothing
 * is parsed again here); or the steps that still have errors, in journey order.
 */
export function assemblePlan(input: WizardInput, steps: ParsedSteps): ResolveResult {
  const failing = STEPS.filter((s) => steps[s.id].errors.length > 0).map((s) => s.id);
  const { ca, backends, agents, api, revocation, assets, renew, etcd } = steps;
  const urlHosts = steps["agent-transport"].value.urlHosts;
  const cas = ca.value.cas;
  const { validity: backendValidity } = backends.value;
  const { validity: agentValidity } = agents.value;
  const { urlHost } = api.value;
  const { sudoers } = assets.value;
  const { expiry } = renew.value;
  if (failing.length > 0) return { ok: false, steps: failing };
  // Every step passed, so every value is there; a missing one is a parser's bug, not the user's.
  if (!cas || !backendValidity.ok || !agentValidity.ok || !urlHost || sudoers === null || !expiry) {
    throw new Error("failed to assemble the plan: a step without errors left a value unparsed");
  }
  return {
    ok: true,
    plan: {
      sensuVersion: input.plan.sensuVersion,
      caLayout: input.plan.caLayout,
      leafAlgorithm: input.plan.keyAlgorithm,
      ca: cas.ca,
      agentCa: cas.agentCa,
      backends: backends.value.rows.map((b, i) => {
        const host = urlHosts[i];
        if (!host) throw new Error(`failed to assemble the plan: no URL host for ${b.row.fqdn}`);
        return { name: b.row.name.trim(), fqdn: b.row.fqdn.trim(), sans: b.sans, ip: b.ip, urlHost: host };
      }),
      backendValidityHours: backendValidity.hours,
      agents: input.agents.rows.map((row) => ({ commonName: row.commonName })),
      agentValidityHours: agentValidity.hours,
      tlsDir: input.plan.tlsDir,
      etcd: etcd.value,
      api: { urlHost, dashboard: api.value.dashboard },
      mtls: { ...input.mtls },
      sudoers,
      corporateLeaves: ca.value.corporateLeaves,
      revocation: revocation.value.crl,
      savedInput: storableInput(input),
      revocationCheck: revocation.value.check,
      expiry,
      ...(input.plan.ansible ? { ansible: true } : {}),
      ...(renew.value.ca?.transition ? { caTransition: renew.value.ca.transition } : {}),
      ...(renew.value.agentCa?.transition && cas.agentCa ? { agentCaTransition: renew.value.agentCa.transition } : {}),
    },
  };
}
