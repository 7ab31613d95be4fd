import type { KeyAlgorithmId } from "../pki/algorithms";
import { HOURS_PER_YEAR } from "../pki/validity";

export const SENSU_VERSIONS = ["5.21", "6.0-6.3", "6.4+"] as const;
export type SensuVersion = (typeof SENSU_VERSIONS)[number];
export const SENSU_VERSION_LABELS: Record<SensuVersion, string> = {
  "5.21": "5.21",
  "6.0-6.3": "6.0 – 6.3",
  "6.4+": "6.4 and later",
};

export type CaLayout = "separate" | "single";

/** Backends a cluster may have here: etcd wants an odd count, but any size from 1 to 7 works. */
export const MIN_BACKENDS = 1;
export const MAX_BACKENDS = 7;

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
  schemaVersion: 1;
  plan: {
    sensuVersion: SensuVersion;
    backendCount: string;
    caLayout: CaLayout;
    keyAlgorithm: KeyAlgorithmId;
  };
  ca: {
    commonName: string;
    agentCaCommonName: string;
    validityYears: string;
    /** "plan" follows the Plan step's algorithm. */
    keyAlgorithm: KeyAlgorithmId | "plan";
  };
  backends: { rows: BackendRow[]; validityHours: string };
  agents: { rows: AgentRow[]; validityHours: string };
}

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
    schemaVersion: 1,
    plan: { sensuVersion: "6.4+", backendCount: "3", caLayout: "separate", keyAlgorithm: "rsa-2048" },
    ca: {
      commonName: "Sensu Test CA",
      agentCaCommonName: "Sensu Agent CA",
      validityYears: String(DEFAULT_CA_YEARS),
      keyAlgorithm: "plan",
    },
    backends: { rows: [1, 2, 3].map((n) => exampleBackend(n, `b${n}`)), validityHours: "4320" },
    agents: { rows: [{ id: "a1", commonName: "agent" }], validityHours: "4320" },
  };
}

export function caAlgorithm(input: WizardInput): KeyAlgorithmId {
  return input.ca.keyAlgorithm === "plan" ? input.plan.keyAlgorithm : input.ca.keyAlgorithm;
}

export function yearsToHours(years: number): number {
  return years * HOURS_PER_YEAR;
}
