import type { SensuVersion } from "../plan/sensu-version";

// The one key-catalogue fact the page's parse needs (Revocation step), held here so every page does
// not load the whole catalogue; key-catalog.test.ts holds it to the catalogue for every release range.

export const REVOCATION_CHECK_KEY = "enable-cert-revocation-check";

const HAS_CHECK: Record<SensuVersion, boolean> = {
  "5.21": false,
  "6.0-6.3": false,
  "6.4-6.11": false,
  "6.12+": true,
};

/** Whether every release of the chosen range accepts the backend's enable-cert-revocation-check. */
export const hasRevocationCheck = (version: SensuVersion): boolean => HAS_CHECK[version];
