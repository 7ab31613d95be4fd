import type { KeyAlgorithmId } from "../pki/algorithms";
import { parseSan, type San, splitList } from "../pki/names";
import { keyExists } from "../sensu/key-catalog";
import { stepsWithErrors } from "./check";
import { backendSans } from "./check-backends";
import { caValidityHours, checkLeafValidity, keepsAgentCa } from "./check-validity";
import type { SudoersPlan } from "../sudoers/model";
import { certificateBlocks } from "../pki/pem";
import { resolveSudoers } from "./check-assets";
import { corporateStems } from "./verify-corporate";
import { X509Certificate } from "../pki/x509";
import { type ResolvedRevocation, resolveRevocation } from "./check-revocation";
import { serializeInput } from "./persist";
import { resolveUrlHost } from "./check-transport";
import { type ExpiryThresholds, resolveExpiryThresholds } from "./check-renew";
import { caAlgorithm, type CaLayout, type SensuVersion, type WizardInput } from "./model";
import type { StepId } from "./steps";

export interface ResolvedCa {
  commonName: string;
  validityHours: number;
  algorithm: KeyAlgorithmId;
  /** A CA the user loaded: it signs instead of a new one, and its key is not put in the bundle. */
  existing?: { certPem: string; keyPem: string };
  /** The organization's CA: its certificate(s) only; it signed outside the wizard. */
  corporatePem?: string;
}

export interface CorporateLeafMaterial {
  chainPem: string;
  keyPem: string;
  csrPem: string;
}

export interface ResolvedBackend {
  name: string;
  fqdn: string;
  /** CN first; every IP and name the backend is reached by. */
  sans: San[];
  /** The first IP address: the etcd member's peer and client address in a cluster. */
  ip?: string;
  /** The host agents (wss) and sensuctl (https) dial; one of the SANs. */
  urlHost: San;
}

export type ResolvedDashboard =
  | { mode: "shared" }
  | { mode: "issue"; commonName: string; sans: San[] }
  | { mode: "file"; certPath: string; keyPath: string };

/** The validated plan the bundle builder consumes: typed values only, no raw text. */
export interface ResolvedPlan {
  sensuVersion: SensuVersion;
  caLayout: CaLayout;
  leafAlgorithm: KeyAlgorithmId;
  ca: ResolvedCa;
  /** Present in the separate-CA layout: signs agent certificates only. */
  agentCa?: ResolvedCa;
  backends: ResolvedBackend[];
  backendValidityHours: number;
  agents: { commonName: string }[];
  agentValidityHours: number;
  /** Absolute directory of certificates on every host. */
  tlsDir: string;
  etcd: { token: string; state: "new" | "existing" };
  api: { urlHost: San; dashboard: ResolvedDashboard };
  mtls: { enabled: boolean; bindUsers: boolean };
  /** Set only where the chosen release has enable-cert-revocation-check. */
  revocationCheck?: boolean;
  /** sudo rules for asset commands, when the Dynamic runtime assets step is used. */
  sudoers?: SudoersPlan;
  /** A CRL to sign and where it is served; present once a CRL URL is given. */
  revocation?: ResolvedRevocation;
  /**
   * Corporate-CA mode: the signed chains, keys and CSRs by certificate stem once every one has been
   * checked (step 2); absent in step 1, when the download is the keys-and-CSRs bundle.
   */
  corporateLeaves?: Record<string, CorporateLeafMaterial>;
  /** The inputs as a plan file keeps them (no secrets), to restore everything on a later visit. */
  savedInput: WizardInput;
  /** Thresholds of the bundle's expiry checks (monitoring/), from the Renew step. */
  expiry: ExpiryThresholds;
}

function firstIp(ips: string): string | undefined {
  const [first] = splitList(ips);
  const parsed = first === undefined ? undefined : parseSan(first);
  return parsed?.ok ? parsed.san.value : undefined;
}

function loadedCa(e: WizardInput["ca"]["existing"]): ResolvedCa | null {
  const check = e.check;
  if (!check?.ok || !check.algorithm) return null;
  return {
    commonName: check.commonName,
    validityHours: 0,
    algorithm: check.algorithm,
    existing: { certPem: e.certPem, keyPem: e.keyPem },
  };
}

/** The CA and agent CA: loaded ones where the user gave them, new ones otherwise; null if not ready. */
function corporateCa(pem: string, algorithm: ResolvedCa["algorithm"]): ResolvedCa | null {
  const [block] = certificateBlocks(pem);
  if (!block) return null;
  let commonName = "your organization's CA";
  try {
    commonName = new X509Certificate(block).subjectName.getField("CN")[0] ?? commonName;
  } catch {
    return null;
  }
  return { commonName, validityHours: 0, algorithm, corporatePem: pem };
}

function resolveCas(input: WizardInput): { ca: ResolvedCa; agentCa?: ResolvedCa } | null {
  if (input.ca.source === "corporate") {
    const ca = corporateCa(input.ca.corporate.caPem, input.plan.keyAlgorithm);
    if (!ca) return null;
    if (input.plan.caLayout !== "separate") return { ca };
    const agentCa = corporateCa(input.ca.corporate.agentCaPem, input.plan.keyAlgorithm);
    return agentCa ? { ca, agentCa } : null;
  }
  const hours = caValidityHours(input);
  const fresh = (commonName: string): ResolvedCa | null =>
    hours === null ? null : { commonName, validityHours: hours, algorithm: caAlgorithm(input) };
  const ca = input.ca.source === "existing" ? loadedCa(input.ca.existing) : fresh(input.ca.commonName);
  if (!ca) return null;
  if (input.plan.caLayout !== "separate") return { ca };
  const agentCa = keepsAgentCa(input) ? loadedCa(input.ca.agentExisting) : fresh(input.ca.agentCaCommonName);
  return agentCa ? { ca, agentCa } : null;
}

function corporateMaterial(input: WizardInput): Record<string, CorporateLeafMaterial> | undefined {
  const c = input.ca.corporate;
  if (input.ca.source !== "corporate" || c.files.length === 0 || !c.check) return undefined;
  const out: Record<string, CorporateLeafMaterial> = {};
  for (const s of corporateStems(input)) {
    const leaf = c.check.leaves[s.stem];
    if (!leaf?.ok) return undefined;
    out[s.stem] = { chainPem: leaf.chainPem, keyPem: leaf.keyPem, csrPem: leaf.csrPem };
  }
  return out;
}

export type ResolveResult = { ok: true; plan: ResolvedPlan } | { ok: false; steps: StepId[] };

export function resolvePlan(input: WizardInput, now: Date): ResolveResult {
  const steps = stepsWithErrors(input, now);
  const backendHours = checkLeafValidity(input.backends.validityHours, input, now);
  const agentHours = checkLeafValidity(input.agents.validityHours, input, now, "agent");
  const cas = resolveCas(input);
  if (steps.length > 0 || !cas || !backendHours.ok || !agentHours.ok) return { ok: false, steps };
  const { ca, agentCa } = cas;
  const apiHost = parseSan(input.api.apiUrlHost);
  const hosts = input.backends.rows.map((row) => resolveUrlHost(input, row));
  const urlHosts = hosts.flatMap((h) => (h.ok ? [h.san] : []));
  const sudoers = resolveSudoers(input);
  const expiry = resolveExpiryThresholds(input);
  if (!apiHost.ok || urlHosts.length !== hosts.length || sudoers === null || !expiry.ok) return { ok: false, steps };
  const dashboardNames = splitList(input.api.dashboardNames).flatMap((n) => {
    const p = parseSan(n);
    return p.ok ? [p.san] : [];
  });
  return {
    ok: true,
    plan: {
      sensuVersion: input.plan.sensuVersion,
      caLayout: input.plan.caLayout,
      leafAlgorithm: input.plan.keyAlgorithm,
      ca,
      agentCa,
      backends: input.backends.rows.map((row, i) => ({
        name: row.name.trim(),
        fqdn: row.fqdn.trim(),
        sans: backendSans(row).sans,
        ip: firstIp(row.ips),
        urlHost: urlHosts[i] as San,
      })),
      backendValidityHours: backendHours.hours,
      agents: input.agents.rows.map((row) => ({ commonName: row.commonName })),
      agentValidityHours: agentHours.hours,
      tlsDir: input.plan.tlsDir,
      etcd: { token: input.etcd.clusterToken.trim(), state: input.etcd.clusterState },
      api: {
        urlHost: apiHost.san,
        dashboard:
          input.api.dashboard === "issue" && dashboardNames[0]
            ? { mode: "issue", commonName: dashboardNames[0].value, sans: dashboardNames }
            : input.api.dashboard === "file"
              ? {
                  mode: "file",
                  certPath: input.api.dashboardCertPath.trim(),
                  keyPath: input.api.dashboardKeyPath.trim(),
                }
              : { mode: "shared" },
      },
      mtls: { ...input.mtls },
      sudoers,
      corporateLeaves: corporateMaterial(input),
      revocation: resolveRevocation(input),
      savedInput: JSON.parse(serializeInput(input)) as WizardInput,
      revocationCheck: keyExists("backend", "enable-cert-revocation-check", input.plan.sensuVersion)
        ? input.revocation.check === "on"
        : undefined,
      expiry: expiry.value,
    },
  };
}
