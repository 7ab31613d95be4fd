/**
 * The releases whose config keys differ for TLS. 6.4+ is split at 6.12, which added
 * enable-cert-revocation-check (reference sensu-config-keys.json): a key older releases ignore.
 */
export const SENSU_VERSIONS = ["5.21", "6.0-6.3", "6.4-6.11", "6.12+"] as const;
export type SensuVersion = (typeof SENSU_VERSIONS)[number];
export const SENSU_VERSION_LABELS: Record<SensuVersion, string> = {
  "5.21": "5.21",
  "6.0-6.3": "6.0 – 6.3",
  "6.4-6.11": "6.4 – 6.11",
  "6.12+": "6.12 and later",
};

/** "separate": an agent CA that etcd does not trust signs agent certificates; "single": one CA signs all. */
export type CaLayout = "separate" | "single";
