import { urlHost } from "../pki/names";
import { type AgentFiles, agentFiles } from "../plan/host-files";
import type { ResolvedPlan } from "../plan/resolved-plan";
import type { ConfigEntry, HostConfig } from "./config-entry";
import { keyExists } from "./key-catalog";
import { AGENT_PORT } from "./ports";

export const agentUrls = (plan: ResolvedPlan): string[] =>
  plan.backends.map((b) => `wss://${urlHost(b.urlHost)}:${AGENT_PORT}`);

/** agent.yml's TLS settings for the agents that share one certificate CN, its files where install.sh puts them unless given. */
export function agentConfig(plan: ResolvedPlan, commonName: string, files: AgentFiles = agentFiles(plan)): HostConfig {
  const entries: ConfigEntry[] = [
    {
      key: "backend-url",
      value: agentUrls(plan),
      section: "agent-transport",
      why: "Every cluster member, as a YAML list (a comma-joined string would be one bad URL); wss, never ws.",
    },
    {
      key: "trusted-ca-file",
      value: files.ca,
      section: "agent-transport",
      why: "Verifies the backends' certificates; replaces the system roots for this connection.",
    },
    {
      key: "insecure-skip-tls-verify",
      value: false,
      section: "agent-transport",
      why: "Written explicitly: true would accept any certificate, CA file or not.",
    },
  ];
  if (plan.mtls.enabled) {
    entries.push({
      key: "cert-file",
      value: files.cert,
      section: "agent-mtls",
      why: "The agent's certificate: it now authenticates with it and stops sending a password (commercial backends only).",
    });
    entries.push({ key: "key-file", value: files.key, section: "agent-mtls", why: "Its private key." });
  }
  for (const e of entries) {
    if (!keyExists("agent", e.key, plan.sensuVersion))
      throw new Error(`failed to build agent.yml: ${e.key} does not exist in Sensu ${plan.sensuVersion}`);
  }
  return { side: "agent", host: commonName, entries };
}
