import type { KeyAlgorithmId } from "../pki/algorithms";
import { HOURS_PER_YEAR } from "../pki/validity";
import type { CaLayout, SensuVersion } from "../plan/sensu-version";
import { DEFAULT_CACHE_DIR, DEFAULT_ROOT_DIR, DEFAULT_USER, type RuleMode } from "../sudoers/defaults";

/** The web UI's own certificate: the API's (the guide's default), one issued here, or a purchased one. */
export type DashboardCertMode = "shared" | "issue" | "file";
export type RevocationCheck = "on" | "off";

/** Backends a cluster may have here: etcd wants an odd count, but any size from 1 to 7 works. */
export const MIN_BACKENDS = 1;
export const MAX_BACKENDS = 7;
/**
 * Agent certificates in one plan. The Agents step pages its rows and the Review page groups files
 * and connections, so 10,000 stay responsive; past that, keys are an online CA's job (CSR mode,
 * or cfssl with ca-config.json). A plan file could otherwise list tens of thousands.
 */
export const MAX_AGENTS = 10_000;

/** One row of the guide's backend table. Lists are kept as typed so bad input is never lost. */
export interface BackendRow {
  id: string;
  /** Unqualified name: the etcd member name and the host's folder in the bundle. */
  name: string;
  /** IP addresses, comma or space separated. */
  ips: string;
  /** Fully qualified name: the certificate's CN, and always one of its SANs. */
  fqdn: string;
  /** Additional DNS names and IPs; localhost, 127.0.0.1 and ::1 by default (reference point 2). */
  extraNames: string;
}

export interface AgentRow {
  id: string;
  commonName: string;
}

/**
 * Everything the user types. Numbers stay strings until validated, so "abc" in a field is shown
 * back with a message instead of being replaced. Nothing secret lives here: it may be persisted.
 */
export interface WizardInput {
  schemaVersion: 2;
  plan: {
    sensuVersion: SensuVersion;
    backendCount: string;
    caLayout: CaLayout;
    keyAlgorithm: KeyAlgorithmId;
    /** Where certificates live on every host; the guide's /etc/sensu/tls by default. */
    tlsDir: string;
    /** Add an Ansible tree for the sensu.sensu_go roles to the bundle. Absent (off) in inputs saved before it existed. */
    ansible?: boolean;
  };
  ca: {
    /**
     * "existing": sign with a CA the user already has (renewal). "corporate": the organization's CA
     * signs; the wizard makes keys and CSRs, then assembles the bundle from the signed certificates.
     */
    source: "new" | "existing" | "corporate";
    commonName: string;
    agentCaCommonName: string;
    validityYears: string;
    /** "plan" follows the Plan step's algorithm. */
    keyAlgorithm: KeyAlgorithmId | "plan";
    existing: ExistingCaInput;
    /** Separate layout: the agent CA to keep; empty means a new agent CA is made. */
    agentExisting: ExistingCaInput;
    corporate: CorporateInput;
    /** From a loaded plan file: the CA the plan was made with, to warn when another is loaded. */
    expectedFingerprints: { ca: string; agentCa: string };
  };
  backends: { rows: BackendRow[]; validityHours: string };
  agents: { rows: AgentRow[]; validityHours: string };
  etcd: { clusterToken: string; clusterState: "new" | "existing" };
  api: {
    /** Host in api-url, the URL each backend uses to reach its own API: must be in its SANs. */
    apiUrlHost: string;
    dashboard: DashboardCertMode;
    /** Names of an issued web UI certificate, the first one its CN. */
    dashboardNames: string;
    dashboardCertPath: string;
    dashboardKeyPath: string;
  };
  transport: {
    /** Host agents and sensuctl use for each backend, by backend row id; empty means its FQDN. */
    urlHosts: Record<string, string>;
  };
  mtls: { enabled: boolean; bindUsers: boolean };
  revocation: RevocationInput;
  assets: AssetsInput;
  /** Thresholds of the expiry checks in the bundle, in days, as typed. */
  renew: {
    warningDays: string;
    criticalDays: string;
    /** The CA's own lifecycle (ca-lifecycle.ts). Absent in inputs saved before it existed: keep the CA. */
    ca?: CaLifecycleInput;
    /** The agent CA's, in the separate layout: renewed or rotated on its own schedule. */
    agentCa?: CaLifecycleInput;
  };
}

/** Renew the loaded CA in place, or take it through the next phase of a rotation to a new key. */
export interface CaLifecycleInput {
  action: "keep" | "renew" | "rotate";
  /** The new CA's name, for phase 1: a name other than the old CA's, so chain building never confuses them. */
  newCommonName: string;
  /** Whole years: the renewed certificate's, or the new CA's in phase 1. */
  validityYears: string;
  /** Phase 2: the old CA's certificate, still trusted while the leaves change. Public: it may be saved. */
  previousCaPem: string;
  /** From a loaded plan file: the rotation under way (phase 0: none). */
  rotation: { from: string; to: string; phase: number };
}

export const NO_ROTATION: CaLifecycleInput["rotation"] = { from: "", to: "", phase: 0 };

export const defaultCaLifecycle = (): CaLifecycleInput => ({
  action: "keep",
  newCommonName: "",
  validityYears: "5",
  previousCaPem: "",
  rotation: { ...NO_ROTATION },
});

/**
 * An existing CA as pasted or loaded. The key never reaches storage (serializeInput drops it). Its
 * verification is not input: the page keeps it beside the input, keyed by these texts (ca-checks.ts).
 */
export interface ExistingCaInput {
  certPem: string;
  keyPem: string;
}

/** The corporate-CA mode: what verifies the certificates, and what came back from the CA. */
export interface CorporateInput {
  /** The CA certificate(s) hosts trust for backend certificates: trusted-ca-file and etcd's. */
  caPem: string;
  /** Separate layout: the CA certificate(s) that verify agent certificates. */
  agentCaPem: string;
  /** The keys-and-CSRs bundle's files and the signed certificates; keys: memory only. */
  files: { name: string; text: string }[];
}

export const emptyCorporate = (): CorporateInput => ({ caPem: "", agentCaPem: "", files: [] });

export const emptyExistingCa = (): ExistingCaInput => ({ certPem: "", keyPem: "" });

/** The Certificate revocation step: the check setting, and an optional CRL revoking serials. */
export interface RevocationInput {
  check: RevocationCheck;
  /** Serial numbers to revoke (hex), one per line; empty: no CRL. */
  revoke: string;
  /** Which CA issued them, and so signs the CRL. */
  crlIssuer: "ca" | "agent-ca";
  /** Where the CRL will be served: agent-auth-crl-urls, and optionally a CRL distribution point. */
  crlUrl: string;
  nextUpdateDays: string;
  /** Put crlUrl into certificates issued now (reference point 9: only when something serves it). */
  cdpInNewCerts: boolean;
}

/** A build the user picked for sudo rules; commands as typed (comma or space separated). */
export interface AssetChoiceInput {
  asset: string;
  build: number;
  commands: string;
}

/** The Dynamic runtime assets step. Empty definitions: no sudo rules in the bundle. */
export interface AssetsInput {
  pasted: string;
  files: { name: string; text: string }[];
  user: string;
  cacheDir: string;
  mode: RuleMode;
  rootDir: string;
  choices: AssetChoiceInput[];
  diagnosticEcho: boolean;
  securePath: boolean;
  /**
   * Definitions that name download headers (often credentials) are kept in memory only; this
   * marks a saved input whose definitions were left out, so the step can ask for them again.
   */
  definitionsNotSaved: boolean;
}

export const DEFAULT_TLS_DIR = "/etc/sensu/tls";
export const DEFAULT_EXTRA_NAMES = "localhost, 127.0.0.1, ::1";
/** cfssl's default CA expiry is five years (43800h); the guide keeps it. */
export const DEFAULT_CA_YEARS = 5;
export const MAX_CA_YEARS = 30;

/** The guide's example row for backend number n (1-based). */
export function exampleBackend(n: number, id: string): BackendRow {
  return {
    id,
    name: `backend-${n}`,
    ips: `10.0.0.${n}`,
    fqdn: `backend-${n}.example.com`,
    extraNames: DEFAULT_EXTRA_NAMES,
  };
}

export function defaultInput(): WizardInput {
  return {
    schemaVersion: 2,
    plan: {
      sensuVersion: "6.12+",
      backendCount: "3",
      caLayout: "separate",
      keyAlgorithm: "rsa-2048",
      tlsDir: DEFAULT_TLS_DIR,
    },
    ca: {
      source: "new",
      existing: emptyExistingCa(),
      agentExisting: emptyExistingCa(),
      corporate: emptyCorporate(),
      expectedFingerprints: { ca: "", agentCa: "" },
      commonName: "Sensu Test CA",
      agentCaCommonName: "Sensu Agent CA",
      validityYears: String(DEFAULT_CA_YEARS),
      keyAlgorithm: "plan",
    },
    backends: { rows: [1, 2, 3].map((n) => exampleBackend(n, `b${n}`)), validityHours: "4320" },
    agents: { rows: [{ id: "a1", commonName: "agent" }], validityHours: "4320" },
    etcd: { clusterToken: "sensu", clusterState: "new" },
    api: {
      apiUrlHost: "localhost",
      dashboard: "shared",
      dashboardNames: "sensu.example.com",
      dashboardCertPath: "",
      dashboardKeyPath: "",
    },
    transport: { urlHosts: {} },
    mtls: { enabled: true, bindUsers: false },
    revocation: {
      check: "on",
      revoke: "",
      crlIssuer: "agent-ca",
      crlUrl: "",
      nextUpdateDays: "30",
      cdpInNewCerts: false,
    },
    assets: defaultAssets(),
    renew: { warningDays: "30", criticalDays: "7" },
  };
}

export function defaultAssets(): AssetsInput {
  return {
    pasted: "",
    files: [],
    user: DEFAULT_USER,
    cacheDir: DEFAULT_CACHE_DIR,
    mode: "root-owned",
    rootDir: DEFAULT_ROOT_DIR,
    choices: [],
    diagnosticEcho: false,
    securePath: false,
    definitionsNotSaved: false,
  };
}

export function caAlgorithm(input: WizardInput): KeyAlgorithmId {
  return input.ca.keyAlgorithm === "plan" ? input.plan.keyAlgorithm : input.ca.keyAlgorithm;
}

export function yearsToHours(years: number): number {
  return years * HOURS_PER_YEAR;
}
