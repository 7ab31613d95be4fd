import { AGENT_CA_STEM, AGENT_CERT_STEM, CA_STEM, cfsslNames } from "./file-names";
import type { ResolvedBackend, ResolvedPlan } from "./resolved-plan";

/** The issued web UI certificate's file stem, on every backend. */
export const DASHBOARD_STEM = "dashboard";

/** Absolute paths on a backend. The manifest places files here and backend.yml names them. */
export interface BackendFiles {
  ca: string;
  /** Separate-CA layout with agent mTLS only: verifies agent certificates (agent-auth-trusted-ca-file). */
  agentCa?: string;
  cert: string;
  key: string;
  /** The web UI's own certificate, issued here or supplied by the user. */
  dashboardCert?: string;
  dashboardKey?: string;
}

export interface AgentFiles {
  ca: string;
  cert: string;
  key: string;
}

/** Where every host installs the CA certificate it verifies peers with (trusted-ca-file). */
export const installedCaPath = (tlsDir: string): string => `${tlsDir}/${cfsslNames(CA_STEM).cert}`;

export function backendFiles(plan: ResolvedPlan, backend: ResolvedBackend): BackendFiles {
  const at = (name: string) => `${plan.tlsDir}/${name}`;
  const own = cfsslNames(backend.fqdn);
  const files: BackendFiles = { ca: installedCaPath(plan.tlsDir), cert: at(own.cert), key: at(own.key) };
  // Without agent mTLS nothing on a backend reads the agent CA, so it is not installed there.
  if (plan.agentCa && plan.mtls.enabled) files.agentCa = at(cfsslNames(AGENT_CA_STEM).cert);
  const { dashboard } = plan.api;
  if (dashboard.mode === "issue") {
    files.dashboardCert = at(cfsslNames(DASHBOARD_STEM).cert);
    files.dashboardKey = at(cfsslNames(DASHBOARD_STEM).key);
  } else if (dashboard.mode === "file") {
    files.dashboardCert = dashboard.certPath;
    files.dashboardKey = dashboard.keyPath;
  }
  return files;
}

/** The same paths on every agent host: the folder in the zip, not the file name, tells agents apart. */
export function agentFiles(plan: ResolvedPlan): AgentFiles {
  const own = cfsslNames(AGENT_CERT_STEM);
  return {
    ca: installedCaPath(plan.tlsDir),
    cert: `${plan.tlsDir}/${own.cert}`,
    key: `${plan.tlsDir}/${own.key}`,
  };
}
