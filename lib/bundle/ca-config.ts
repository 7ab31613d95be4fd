import { CFSSL_DEFAULT_EXPIRY_HOURS, PROFILES } from "../pki/profiles";

/**
 * cfssl's ca-config.json with the guide's signing profiles and the validity chosen in the wizard, so
 * an operator can keep issuing with cfssl (`-config=ca-config.json -profile=backend`).
 */
export function cfsslCaConfig(backendHours: number, agentHours: number): string {
  const config = {
    signing: {
      default: { expiry: `${CFSSL_DEFAULT_EXPIRY_HOURS}h`, usages: ["signing", "key encipherment", "client auth"] },
      profiles: {
        backend: { usages: [...PROFILES.backend.cfsslUsages], expiry: `${backendHours}h` },
        agent: { usages: [...PROFILES.agent.cfsslUsages], expiry: `${agentHours}h` },
      },
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
