import type { ConfigSide } from "./key-catalog";

export type ConfigValue = string | boolean | string[];

/** The guide sections a setting belongs to; each wizard step shows its own. */
export type ConfigSection = "etcd" | "api" | "agent-transport" | "agent-mtls" | "revocation";

export interface ConfigEntry {
  key: string;
  value: ConfigValue;
  section: ConfigSection;
  /** One line: why this value. */
  why: string;
}

/** The TLS settings of one host's backend.yml or agent.yml. */
export interface HostConfig {
  side: ConfigSide;
  /** The host folder's name: the backend name, or the agent certificate's CN. */
  host: string;
  entries: ConfigEntry[];
}

export function entriesIn(config: HostConfig, section: ConfigSection): ConfigEntry[] {
  return config.entries.filter((e) => e.section === section);
}

export function valueOf(config: HostConfig, key: string): ConfigValue | undefined {
  return config.entries.find((e) => e.key === key)?.value;
}

export const CONFIG_PATH: Record<ConfigSide, string> = {
  backend: "/etc/sensu/backend.yml",
  agent: "/etc/sensu/agent.yml",
};
export const SERVICE: Record<ConfigSide, string> = { backend: "sensu-backend", agent: "sensu-agent" };
