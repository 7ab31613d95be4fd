import { type CertificateAuthority, createCa } from "../pki/ca";
import { capLeafValidity, importCa } from "../pki/import-ca";
import { type IssuedLeaf, issueLeaf } from "../pki/issue";
import { renewCa } from "../pki/renew-ca";
import type { ResolvedCa, ResolvedPlan } from "../plan/resolved-plan";
import { mapInFlight } from "./in-flight";

export interface Progress {
  done: number;
  total: number;
  /** What is being made now, for the progress line. */
  label: string;
}
export type ProgressListener = (progress: Progress) => void;

export interface IssuedSet {
  ca: CertificateAuthority;
  agentCa?: CertificateAuthority;
  backends: Map<string, IssuedLeaf>;
  agents: Map<string, IssuedLeaf>;
  /** The web UI's own certificate, when the plan issues one. */
  dashboard?: IssuedLeaf;
}

/**
 * Agent certificates issued at once: enough to keep WebCrypto's threads busy (RSA key generation
 * then uses every core), few enough that a cancelled fleet leaves little work running.
 */
const AGENTS_IN_FLIGHT = 8;

/** "Packaging the bundle" (the step after the last key) and "Done": reports a throttle must never drop. */
export const isFinalStep = (p: Progress): boolean => p.done >= p.total - 1;

/** Work units reported by issueAll: one per key pair, plus one for packaging. */
export function totalSteps(plan: ResolvedPlan): number {
  return (
    1 +
    (plan.agentCa ? 1 : 0) +
    plan.backends.length +
    (plan.api.dashboard.mode === "issue" ? 1 : 0) +
    plan.agents.length +
    1
  );
}

/** A new CA, or the loaded one (checked again here: the Worker trusts nothing it was sent). */
async function obtainCa(crypto: Crypto, now: Date, request: ResolvedCa): Promise<CertificateAuthority> {
  if (!request.existing) return createCa(crypto, now, request);
  const imported = await importCa(crypto, now, {
    certificatePem: request.existing.certPem,
    keyPem: request.existing.keyPem,
  });
  if (!imported.ok) throw new Error(`failed to load the CA "${request.commonName}": ${imported.message}`);
  return imported.value.ca;
}

/** Every key and certificate of the plan, reporting progress after each one. */
export async function issueAll(
  crypto: Crypto,
  now: Date,
  plan: ResolvedPlan,
  onProgress: ProgressListener,
): Promise<IssuedSet> {
  const total = totalSteps(plan);
  // A loaded CA may end before the requested validity: the leaf ends with it (the page said so).
  const within = (issuer: CertificateAuthority, hours: number) =>
    capLeafValidity(now, issuer.certificate.notAfter, hours).hours;
  // The CRL URL goes only into certificates of the CA that signs the list, and only on request.
  const r = plan.revocation;
  const cdp = (signedByAgentCa: boolean) =>
    r?.cdp && (r.issuer === "agent-ca") === signedByAgentCa ? { crlUrls: [r.crlUrl] } : {};
  let done = 0;
  const step = (label: string) => onProgress({ done, total, label });
  step(plan.ca.existing ? `Loading CA "${plan.ca.commonName}"` : `Creating CA "${plan.ca.commonName}"`);
  const loaded = await obtainCa(crypto, now, plan.ca);
  // Renewed before anything is signed, so leaves are bounded by the renewed CA's end, not the old one's.
  const renewal = plan.caTransition?.kind === "renew" ? plan.caTransition : undefined;
  const ca = renewal ? await renewCa(crypto, now, loaded, renewal.validityHours) : loaded;
  done++;
  let agentCa: CertificateAuthority | undefined;
  if (plan.agentCa) {
    step(
      plan.agentCa.existing
        ? `Loading agent CA "${plan.agentCa.commonName}"`
        : `Creating agent CA "${plan.agentCa.commonName}"`,
    );
    const loadedAgentCa = await obtainCa(crypto, now, plan.agentCa);
    const agentRenewal = plan.agentCaTransition?.kind === "renew" ? plan.agentCaTransition : undefined;
    agentCa = agentRenewal ? await renewCa(crypto, now, loadedAgentCa, agentRenewal.validityHours) : loadedAgentCa;
    done++;
  }
  const backends = new Map<string, IssuedLeaf>();
  for (const b of plan.backends) {
    step(`Issuing backend certificate ${b.fqdn}`);
    backends.set(
      b.fqdn,
      await issueLeaf(crypto, now, ca, {
        profile: "backend",
        commonName: b.fqdn,
        sans: b.sans,
        validityHours: within(ca, plan.backendValidityHours),
        algorithm: plan.leafAlgorithm,
        ...cdp(false),
      }),
    );
    done++;
  }
  let dashboard: IssuedLeaf | undefined;
  const web = plan.api.dashboard;
  if (web.mode === "issue") {
    step(`Issuing web UI certificate ${web.commonName}`);
    dashboard = await issueLeaf(crypto, now, ca, {
      profile: "web-ui",
      commonName: web.commonName,
      sans: web.sans,
      validityHours: within(ca, plan.backendValidityHours),
      algorithm: plan.leafAlgorithm,
      ...cdp(false),
    });
    done++;
  }
  // A few agents in flight at once (in-flight.ts): the label names the one just started, the count
  // those finished.
  const agentLeaves = await mapInFlight(plan.agents, AGENTS_IN_FLIGHT, async (a) => {
    step(`Issuing agent certificate ${a.commonName}`);
    // No SANs: an empty DNS entry (the guide's "hosts":[""]) is forbidden by RFC 5280 (reference point 23).
    const leaf = await issueLeaf(crypto, now, agentCa ?? ca, {
      profile: "agent",
      commonName: a.commonName,
      sans: [],
      validityHours: within(agentCa ?? ca, plan.agentValidityHours),
      algorithm: plan.leafAlgorithm,
      ...cdp(agentCa !== undefined),
    });
    done++;
    return leaf;
  });
  const agents = new Map(plan.agents.map((a, i) => [a.commonName, agentLeaves[i]!]));
  step("Packaging the bundle");
  return { ca, agentCa, backends, agents, dashboard };
}
