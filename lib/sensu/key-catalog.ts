import type { SensuVersion } from "../plan/sensu-version";
import catalog from "./sensu-config-keys.json";

/**
 * Every key `sensu-backend start` and `sensu-agent start` accept, read from Sensu's source
 * (../shared/reference). Copied into the repo so generation and tests need nothing outside it.
 */
export type ConfigSide = "backend" | "agent";
export type KeyType =
  "string" | "bool" | "stringSlice" | "int" | "uint" | "int64" | "duration" | "float64" | "stringMap";

export interface KeyFacts {
  type: string;
  tls: boolean;
  note: string;
  edition: "oss" | "commercial";
  since?: string;
  removed_in?: string;
}

const KEYS = catalog as unknown as Record<ConfigSide, Record<string, KeyFacts>>;

/** The oldest and newest release each choice on the Plan step stands for. */
const RANGES: Record<SensuVersion, { first: string; last: string }> = {
  "5.21": { first: "5.21.0", last: "5.21.99" },
  "6.0-6.3": { first: "6.0.0", last: "6.3.99" },
  "6.4-6.11": { first: "6.4.0", last: "6.11.99" },
  "6.12+": { first: "6.12.0", last: "6.99.99" },
};

/** "6.12.0", "7.0 (etcd removed)", "6.5.0 (commercial-only in 5.x)" → [6, 12, 0]. */
function versionParts(text: string): number[] {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) throw new Error(`failed to read version "${text}" in the key catalogue`);
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

function compare(a: string, b: string): number {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

export function keyFacts(side: ConfigSide, key: string): KeyFacts | undefined {
  return Object.hasOwn(KEYS[side], key) ? KEYS[side][key] : undefined;
}

/** True when every release of the chosen range accepts the key. */
export function keyExists(side: ConfigSide, key: string, version: SensuVersion): boolean {
  const facts = keyFacts(side, key);
  if (!facts) return false;
  const { first, last } = RANGES[version];
  if (facts.since && compare(facts.since, first) > 0) return false;
  if (facts.removed_in && compare(facts.removed_in, last) <= 0) return false;
  return true;
}

/** Commercial keys only work with a licensed backend; the wizard says so next to each. */
export function isCommercial(side: ConfigSide, key: string): boolean {
  return keyFacts(side, key)?.edition === "commercial";
}
