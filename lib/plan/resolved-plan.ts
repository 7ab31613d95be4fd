import type { KeyAlgorithmId } from "../pki/algorithms";
import type { San } from "../pki/names";
import type { SudoersPlan } from "../sudoers/model";
import type { CaTransition } from "./ca-transition";
import type { CaLayout, SensuVersion } from "./sensu-version";

/**
 * The validated plan: what every layer above builds from. The wizard resolves it from the user's
 * input once; sensu, bundle and the Worker only read it.
 */

/** A CRL to sign: the serials it revokes, who signs it, and where it is served. */
export interface ResolvedRevocation {
  issuer: "ca" | "agent-ca";
  serials: string[];
  crlUrl: string;
  nextUpdateDays: number;
  /** Put crlUrl into the certificates issued now as their CRL distribution point. */
  cdp: boolean;
}

export interface ExpiryThresholds {
  /** Days before notAfter that the expiry check turns WARNING (exit 1). */
  warningDays: number;
  /** Days before notAfter that it turns CRITICAL (exit 2); fewer than warningDays. */
  criticalDays: number;
}

/**
 * The user's inputs as a plan file keeps them (no secrets). Below the wizard it is opaque JSON:
 * only the wizard, which owns the input's shape, reads it back.
 */
export type SavedInput = { readonly schemaVersion: number };

export interface ResolvedCa {
  commonName: string;
  validityHours: number;
  algorithm: KeyAlgorithmId;
  /** A CA the user loaded: it signs instead of a new one, and its key is not put in the bundle. */
  existing?: { certPem: string; keyPem: string };
  /** The organization's CA: its certificate(s) only; it signed outside the wizard. */
  corporatePem?: string;
}

export interface CorporateLeafMaterial {
  chainPem: string;
  keyPem: string;
  csrPem: string;
}

export interface ResolvedBackend {
  name: string;
  fqdn: string;
  /** CN first; every IP and name the backend is reached by. */
  sans: San[];
  /** The first IP address: the etcd member's peer and client address in a cluster. */
  ip?: string;
  /** The host agents (wss) and sensuctl (https) dial; one of the SANs. */
  urlHost: San;
}

export type ResolvedDashboard =
  | { mode: "shared" }
  | { mode: "issue"; commonName: string; sans: San[] }
  | { mode: "file"; certPath: string; keyPath: string };

/** The validated plan the bundle builder consumes: typed values only, no raw text. */
export interface ResolvedPlan {
  sensuVersion: SensuVersion;
  caLayout: CaLayout;
  leafAlgorithm: KeyAlgorithmId;
  ca: ResolvedCa;
  /** Present in the separate-CA layout: signs agent certificates only. */
  agentCa?: ResolvedCa;
  backends: ResolvedBackend[];
  backendValidityHours: number;
  agents: { commonName: string }[];
  agentValidityHours: number;
  /** Absolute directory of certificates on every host. */
  tlsDir: string;
  etcd: { token: string; state: "new" | "existing" };
  api: { urlHost: San; dashboard: ResolvedDashboard };
  mtls: { enabled: boolean; bindUsers: boolean };
  /** Set only where the chosen release has enable-cert-revocation-check. */
  revocationCheck?: boolean;
  /** sudo rules for asset commands, when the Dynamic runtime assets step is used. */
  sudoers?: SudoersPlan;
  /** A CRL to sign and where it is served; present once a CRL URL is given. */
  revocation?: ResolvedRevocation;
  /**
   * Corporate-CA mode: the signed chains, keys and CSRs by certificate stem once every one has been
   * checked (step 2); absent in step 1, when the download is the keys-and-CSRs bundle.
   */
  corporateLeaves?: Record<string, CorporateLeafMaterial>;
  /** The inputs as a plan file keeps them (no secrets), to restore everything on a later visit. */
  savedInput: SavedInput;
  /** Thresholds of the bundle's expiry checks (monitoring/), from the Renew step. */
  expiry: ExpiryThresholds;
  /** Add ansible/: an inventory, vars and a playbook for the sensu.sensu_go roles. */
  ansible?: boolean;
  /** The CA renewed in place, or one phase of its rotation to a new key (Renew step). */
  caTransition?: CaTransition;
  /** The same for the agent CA, in the separate layout: its own renewal or rotation, independent of the CA's. */
  agentCaTransition?: CaTransition;
}
