import type { KeyAlgorithmId } from "../pki/algorithms";
import { parseSan, type San, splitList } from "../pki/names";
import { keyExists } from "../sensu/key-catalog";
import { stepsWithErrors } from "./check";
import { backendSans } from "./check-backends";
import { caValidityHours, checkLeafValidity } from "./check-validity";
import type { SudoersPlan } from "../sudoers/model";
import { resolveSudoers } from "./check-assets";
import { resolveUrlHost } from "./check-transport";
import { type ExpiryThresholds, resolveExpiryThresholds } from "./check-renew";
import { caAlgorithm, type CaLayout, type SensuVersion, type WizardInput } from "./model";
import type { StepId } from "./steps";

export interface ResolvedCa {
  commonName: string;
  validityHours: number;
  algorithm: KeyAlgorithmId;
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
  /** Thresholds of the bundle's expiry checks (monitoring/), from the Renew step. */
  expiry: ExpiryThresholds;
}

function firstIp(ips: string): string | undefined {
  const [first] = splitList(ips);
  const parsed = first === undefined ? undefined : parseSan(first);
  return parsed?.ok ? parsed.san.value : undefined;
}

export type ResolveResult = { ok: true; plan: ResolvedPlan } | { ok: false; steps: StepId[] };

export function resolvePlan(input: WizardInput, now: Date): ResolveResult {
  const steps = stepsWithErrors(input, now);
  const caHours = caValidityHours(input);
  const backendHours = checkLeafValidity(input.backends.validityHours, input, now);
  const agentHours = checkLeafValidity(input.agents.validityHours, input, now);
  if (steps.length > 0 || caHours === null || !backendHours.ok || !agentHours.ok) return { ok: false, steps };
  const algorithm = caAlgorithm(input);
  const ca: ResolvedCa = { commonName: input.ca.commonName, validityHours: caHours, algorithm };
  const apiHost = parseSan(input.api.apiUrlHost);
  const hosts = input.backends.rows.map((row) => resolveUrlHost(input, row));
  const urlHosts = hosts.flatMap((h) => (h.ok ? [h.san] : []));
  const sudoers = resolveSudoers(input);
  const expiry = resolveExpiryThresholds(input);
  if (!apiHost.ok || urlHosts.length !== hosts.length || sudoers === null || !expiry.ok) return { ok: false, steps };
  const dashboardNames = splitList(input.api.dashboardNames).flatMap((n) => { const p = parseSan(n); return p.ok ? [p.san] : []; });
  return {
    ok: true,
    plan: {
      sensuVersion: input.plan.sensuVersion,
      caLayout: input.plan.caLayout,
      leafAlgorithm: input.plan.keyAlgorithm,
      ca,
      agentCa: input.plan.caLayout === "separate" ? { ...ca, commonName: input.ca.agentCaCommonName } : undefined,
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
              ? { mode: "file", certPath: input.api.dashboardCertPath.trim(), keyPath: input.api.dashboardKeyPath.trim() }
              : { mode: "shared" },
      },
      mtls: { ...input.mtls },
      sudoers,
      revocationCheck: keyExists("backend", "enable-cert-revocation-check", input.plan.sensuVersion) ? input.revocation.check === "on" : undefined,
      expiry: expiry.value,
    },
  };
}
