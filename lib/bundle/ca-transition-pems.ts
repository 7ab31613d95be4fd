import { type CertificateAuthority, createCa } from "../pki/ca";
import { fingerprintSha256 } from "../pki/describe-cert";
import { certificateBlocks, withNewline } from "../pki/pem";
import { X509Certificate } from "../pki/x509";
import type { CaTransition } from "../plan/ca-transition";
import type { CaFingerprints } from "../plan/plan-file";
import type { ResolvedCa, ResolvedPlan } from "../plan/resolved-plan";
import type { Connection } from "../sensu/connection";
import { agentCaBoundaryConnections, phaseBoundaryConnections, type PhaseState } from "../sensu/phase-boundary-check";

/** What a CA transition changes in the issued set: the CA shipped in ca/, the hosts' trust, the plan file's record. */
export interface TransitionedCa {
  /** The CA whose files go into ca/: the new CA in phase 1 (its key too), else the signer. */
  shipped: CertificateAuthority;
  /** Every trust file's content, when it holds more than the shipped CA: new first, then old. */
  trustPem?: string;
  caFingerprints: Omit<CaFingerprints, "agentCa">;
  /** The hosts on either side of this bundle's rolling restart. */
  before: PhaseState;
  after: PhaseState;
}

const pemOf = (cert: X509Certificate) => withNewline(cert.toString("pem"));
const firstCertificate = (pem: string) => new X509Certificate(certificateBlocks(pem)[0] ?? pem);

/**
 * The CA side of a transition, around the CA that signed this bundle's leaves (for a renewal, the
 * renewed certificate issueAll already signed with).
 */
export async function transitionCa(
  crypto: Crypto,
  now: Date,
  loaded: ResolvedCa,
  transition: CaTransition,
  signer: CertificateAuthority,
): Promise<TransitionedCa> {
  const fp = (cert: X509Certificate) => fingerprintSha256(crypto, cert);
  const current = signer.certificate;
  if (transition.kind === "renew") {
    const old = firstCertificate(loaded.existing?.certPem ?? "");
    return {
      shipped: signer,
      caFingerprints: { ca: await fp(current) },
      before: { label: "the old CA certificate", issuer: old, trust: [old] },
      after: { label: "the renewed CA certificate", issuer: current, trust: [current] },
    };
  }
  if (transition.phase === 1) {
    const next = await createCa(crypto, now, transition.next);
    const both = [next.certificate, current];
    return {
      shipped: next,
      trustPem: both.map(pemOf).join(""),
      caFingerprints: {
        ca: await fp(next.certificate),
        rotation: { from: await fp(current), to: await fp(next.certificate), phase: 1 },
      },
      before: { label: "phase 0", issuer: current, trust: [current] },
      after: { label: "phase 1", issuer: current, trust: both },
    };
  }
  if (transition.phase === 2) {
    const old = firstCertificate(transition.previousCaPem);
    const both = [current, old];
    return {
      shipped: signer,
      trustPem: both.map(pemOf).join(""),
      caFingerprints: { ca: await fp(current), rotation: { from: await fp(old), to: await fp(current), phase: 2 } },
      before: { label: "phase 1", issuer: old, trust: both },
      after: { label: "phase 2", issuer: current, trust: both },
    };
  }
  // Phase 2's hosts also trust the old CA, but no certificate signed by it is left to present.
  return {
    shipped: signer,
    caFingerprints: {
      ca: await fp(current),
      rotation: { from: transition.previousFingerprint, to: await fp(current), phase: 3 },
    },
    before: { label: "phase 2", issuer: current, trust: [current] },
    after: { label: "phase 3", issuer: current, trust: [current] },
  };
}

/** The agent CA's transition, when the plan has one and an agent CA signs. */
export async function agentTransition(
  crypto: Crypto,
  now: Date,
  plan: ResolvedPlan,
  signer: CertificateAuthority | undefined,
): Promise<TransitionedCa | undefined> {
  const t = plan.agentCaTransition;
  return t && signer && plan.agentCa ? transitionCa(crypto, now, plan.agentCa, t, signer) : undefined;
}

/** The plan file's agent CA entries: the CA the next phase loads, and the rotation's record. */
export function agentFingerprints(t: TransitionedCa): Pick<CaFingerprints, "agentCa" | "agentRotation"> {
  const { ca, rotation } = t.caFingerprints;
  return { agentCa: ca, ...(rotation ? { agentRotation: rotation } : {}) };
}

/** The agent CA's transition crosses only where agent certificates are checked: agent mTLS at the backends. */
export function agentTransitionConnections(
  crypto: Crypto,
  plan: ResolvedPlan,
  t: TransitionedCa,
): Promise<Connection[]> {
  return plan.mtls.enabled ? agentCaBoundaryConnections(crypto, t.before, t.after) : Promise.resolve([]);
}

/** The rolling restart's mixed-cluster connections for this transition. */
export function transitionConnections(crypto: Crypto, plan: ResolvedPlan, t: TransitionedCa): Promise<Connection[]> {
  return phaseBoundaryConnections(crypto, t.before, t.after, {
    mtls: plan.mtls.enabled,
    separateAgentCa: plan.agentCa !== undefined,
  });
}
