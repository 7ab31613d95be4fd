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
/**
 * Every agent installs its own certificate as agent.pem / agent-key.pem, whatever its CN (the
 * guide's shared CN is "agent" too): one agent.yml and one expiry check then serve a whole fleet.
 */
export const AGENT_CERT_STEM = "agent";
export const CA_CONFIG = "ca-config.json";

/** The zip's folders. */
export const OFFLINE_DIR = "ca";
/** sudo rules, the root-owned copy script and example checks, for agents that run privileged checks. */
export const SUDO_DIR = "sudo";
/** Files for the operator's workstation: sensuctl resources. */
export const OPERATOR_DIR = "operator";
/** The CA certificate operators trust (sensuctl, browsers), in the bundle's offline folder. */
export const OPERATOR_CA_PATH = `${OFFLINE_DIR}/${cfsslNames(CA_STEM).cert}`;
export const backendDir = (name: string): string => `backends/${name}`;
export const agentDir = (commonName: string): string => `agents/${commonName}`;
/** The fleet's certificates listed beside their folders; no agent folder may take its name. */
export const AGENT_INDEX_FILE = "index.csv";
export const AGENT_INDEX_PATH = `agents/${AGENT_INDEX_FILE}`;

/**
 * Why a certificate's file stem would clash with the bundle's own files, or null. Compared without
 * case: on macOS and Windows, CA.pem and ca.pem are one file and unzipping would overwrite the CA.
 */
export function reservedStemProblem(stem: string): string | null {
  const s = stem.toLowerCase();
  if (s === CA_STEM || s === AGENT_CA_STEM || s === "ca-config" || s === "dashboard")
    return `"${stem}" is taken by the bundle's own CA files (${s}.pem)`;
  // NAME-key.pem is NAME's private key: a certificate named "x-key" would be taken for x's key.
  if (s.endsWith("-key")) return `"${stem}" ends in -key, so its certificate would be mistaken for a private key file`;
  return null;
}
