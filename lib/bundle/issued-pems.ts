import type { CaFingerprints } from "../plan/plan-file";
import type { AgentIndexRow } from "./agent-index";
import type { TransitionedCa } from "./ca-transition-pems";

export interface PemTriple {
  cert: string;
  key: string;
  csr: string;
}

/** Everything generated, keyed the way the plan names it. */
export interface IssuedPems {
  ca: PemTriple;
  agentCa?: PemTriple;
  backends: Map<string, PemTriple>;
  agents: Map<string, PemTriple>;
  dashboard?: PemTriple;
  /** Serial, expiry and fingerprint of each agent certificate, by CN, for agents/index.csv. */
  agentIndex: Map<string, AgentIndexRow>;
  /** Random passwords of the CN-bound agent users, by CN. */
  agentPasswords: Map<string, string>;
  /** SHA-256 fingerprints of the CA certificates, for the plan file. */
  caFingerprints: CaFingerprints;
  /** The signed revocation list (PEM), when the layout has one (revocationList). */
  crl?: string;
  /** The admin password the Ansible tree gives sensu-backend init, when the plan has that tree. */
  clusterAdminPassword?: string;
  /** A CA renewal or rotation phase: what it shipped, and the trust files' content when they hold two CAs. */
  caTransition?: TransitionedCa;
  /** The agent CA's, in the separate layout. */
  agentCaTransition?: TransitionedCa;
}

/** What every host's trust file for the main CA holds: both CAs while a rotation needs them. */
/** What backends' agent-auth-trusted-ca-file holds: both agent CAs while its rotation needs them. */
export const agentCaTrustOf = (pems: IssuedPems): string =>
  pems.agentCaTransition?.trustPem ?? issuedOrThrow(pems.agentCa, "the agent CA").cert;

export const caTrustOf = (pems: IssuedPems): string => pems.caTransition?.trustPem ?? pems.ca.cert;

/** What fills the host bundle's layout: the PEMs, and the time the headers name. */
export interface BundleFill {
  pems: IssuedPems;
  generatedAt: Date;
}

/** The layout asks only for what the plan names; a missing one is a bug in the issuing code. */
export function issuedOrThrow<T>(pem: T | undefined, what: string): T {
  if (pem === undefined) throw new Error(`failed to build manifest: nothing was issued for ${what}`);
  return pem;
}
