/**
 * cfssljson's naming, the one source of truth for every path (reference point 5): `cfssljson -bare
 * NAME` writes NAME.pem, NAME-key.pem and NAME.csr. The guide's tables say backend-1-key.example.com.pem;
 * cfssljson never wrote that.
 */
export interface CfsslNames {
  cert: string;
  key: string;
  csr: string;
}

export function cfsslNames(stem: string): CfsslNames {
  return { cert: `${stem}.pem`, key: `${stem}-key.pem`, csr: `${stem}.csr` };
}

export const CA_STEM = "ca";
export const AGENT_CA_STEM = "agent-ca";
export const CA_CONFIG = "ca-config.json";

/** Where Sensu reads certificates on every host; the guide's directory. */
export const TLS_DIR = "/etc/sensu/tls";

/** The zip's folders. */
export const OFFLINE_DIR = "ca";
export const backendDir = (name: string): string => `backends/${name}`;
export const agentDir = (commonName: string): string => `agents/${commonName}`;
