import { dump, load } from "js-yaml";

import type { ConfigEntry, ConfigSection, ConfigValue, HostConfig } from "./config-entry";

const SECTION_TITLES: Record<ConfigSection, string> = {
  api: "API and web UI",
  "agent-mtls": "Agent mTLS authentication (commercial feature)",
  revocation: "Certificate revocation check",
  etcd: "etcd peer and client communication",
  "agent-transport": "Agent-to-server communication",
};

/**
 * Every string double-quoted: "[::]:8080", "yes", "0400" or "1e3" unquoted would be read as
 * something else (reference point 14). Booleans stay booleans, lists stay sequences.
 */
export function yamlOf(entries: readonly ConfigEntry[]): string {
  if (entries.length === 0) return "";
  const data = Object.fromEntries(entries.map((e) => [e.key, e.value]));
  return dump(data, { forceQuotes: true, quoteStyle: "double", lineWidth: -1, noRefs: true, sortKeys: false });
}

/** The whole file: a header, then one commented block per guide section. */
export function configYaml(config: HostConfig, header: readonly string[]): string {
  const sections = [...new Set(config.entries.map((e) => e.section))];
  const blocks = sections.map(
    (s) => `# ${SECTION_TITLES[s]}\n${yamlOf(config.entries.filter((e) => e.section === s))}`,
  );
  return `${header.map((line) => `# ${line}`.trimEnd()).join("\n")}\n\n${blocks.join("\n")}`;
}

/** YAML back to key/value pairs, for tests and for checking a file before it is offered. */
export function parseConfig(text: string): Record<string, ConfigValue> {
  const data = load(text);
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data))
    throw new Error("failed to parse config: the top level is not a mapping");
  return data as Record<string, ConfigValue>;
}
