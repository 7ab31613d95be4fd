import { AGENT_CA_STEM, CA_CONFIG, CA_STEM, cfsslNames, OFFLINE_DIR } from "../plan/file-names";
import { DASHBOARD_STEM } from "../plan/host-files";
import type { ResolvedCa, ResolvedPlan } from "../plan/resolved-plan";
import { cfsslCaConfig } from "./ca-config";
import { type BundleFill, caTrustOf, issuedOrThrow, type PemTriple } from "./issued-pems";
import { type FileKind, KEY_MODE, type LayoutEntry, OFFLINE_HOST, PUBLIC_MODE } from "./manifest-entry";

type Entry = LayoutEntry<BundleFill>;

/** ca/ during a rotation's phases 1 and 2: both CA certificates. */
export const CA_TRUST_FILE = "ca-trust.pem";

/** The revocation list this bundle signs, if any, and under which CA's file stem. */
export interface RevocationListFile {
  stem: string;
  /** Signed by the agent CA (the agent certificates' issuer) rather than the CA. */
  byAgentCa: boolean;
}

export function revocationList(plan: ResolvedPlan): RevocationListFile | undefined {
  // The organization's CA publishes its own list: the wizard never holds a key that could sign one.
  if (!plan.revocation || plan.ca.corporatePem) return undefined;
  const byAgentCa = plan.revocation.issuer === "agent-ca" && plan.agentCa !== undefined;
  return { stem: byAgentCa ? AGENT_CA_STEM : CA_STEM, byAgentCa };
}

function entry(name: string, kind: FileKind, purpose: string, content: Entry["content"]): Entry {
  const mode = kind === "ca-private-key" ? KEY_MODE : PUBLIC_MODE;
  return { path: `${OFFLINE_DIR}/${name}`, mode, kind, purpose, host: OFFLINE_HOST, content };
}

/** The purposes of a CA's files: its certificate's depends on where the CA comes from. */
interface CaWords {
  fresh: string;
  existing: string;
  corporate: string;
  key: string;
  csr: string;
}

/** A CA's files, certificate first: its key and CSR only when the wizard made it. */
function caEntries(
  stem: string,
  ca: ResolvedCa,
  words: CaWords,
  pems: (fill: BundleFill) => PemTriple,
): [Entry, ...Entry[]] {
  const names = cfsslNames(stem);
  const cert = (purpose: string) => entry(names.cert, "certificate", purpose, (f) => pems(f).cert);
  if (ca.corporatePem) return [cert(words.corporate)];
  // The user's own CA: its key is theirs already, and copying it into another zip only spreads it.
  if (ca.existing) return [cert(words.existing)];
  return [
    cert(words.fresh),
    entry(names.key, "ca-private-key", words.key, (f) => pems(f).key),
    entry(names.csr, "csr", words.csr, (f) => pems(f).csr),
  ];
}

function revocationEntry(plan: ResolvedPlan): Entry[] {
  const list = revocationList(plan);
  const r = plan.revocation;
  if (!list || !r) return [];
  const count = r.serials.length;
  const revoked = count === 0 ? "no certificates yet" : `${count} ${count === 1 ? "certificate" : "certificates"}`;
  return [
    entry(
      `${list.stem}.crl`,
      "document",
      `Revocation list of ${list.stem}.pem (${revoked}). Publish it at ${r.crlUrl} before restarting the backends.`,
      (f) => issuedOrThrow(f.pems.crl, "the revocation list"),
    ),
  ];
}

function csrEntries(plan: ResolvedPlan): Entry[] {
  const csr = (stem: string, purpose: string, pems: (fill: BundleFill) => PemTriple | undefined) =>
    entry(cfsslNames(stem).csr, "csr", purpose, (f) => issuedOrThrow(pems(f), stem).csr);
  return [
    ...plan.backends.map((b) =>
      csr(b.fqdn, `Certificate signing request for ${b.fqdn}. Not used by Sensu.`, (f) => f.pems.backends.get(b.fqdn)),
    ),
    ...(plan.api.dashboard.mode === "issue"
      ? [
          csr(
            DASHBOARD_STEM,
            "Certificate signing request of the web UI certificate. Not used by Sensu.",
            (f) => f.pems.dashboard,
          ),
        ]
      : []),
    ...plan.agents.map((a) =>
      csr(a.commonName, `Certificate signing request for agent "${a.commonName}". Not used by Sensu.`, (f) =>
        f.pems.agents.get(a.commonName),
      ),
    ),
  ];
}

export interface OfflineLayout {
  entries: Entry[];
  /** ca/ca.pem: the CA certificate operators' machines trust (sensuctl, browsers). */
  operatorCa: Entry;
}

/** Phase 1 of a rotation makes the new CA here: ca/ holds it, key and all, like any CA made here. */
function shippedCa(ca: ResolvedCa, t: ResolvedPlan["caTransition"]): ResolvedCa {
  return t?.kind === "rotate" && t.phase === 1 ? { ...t.next } : ca;
}

/** While a rotation needs both CAs, the operator's machine trusts both too (sensuctl, browsers, OS store). */
function trustEntry(plan: ResolvedPlan): Entry | undefined {
  const t = plan.caTransition;
  if (t?.kind !== "rotate" || t.phase === 3) return undefined;
  return entry(
    CA_TRUST_FILE,
    "certificate",
    "Both CA certificates, the new one first: what sensuctl and this machine trust until phase 3. Same content as every host's CA file.",
    (f) => caTrustOf(f.pems),
  );
}

/** The ca/ folder: CA material and CSRs, never copied to a host. */
export function offlineLayout(plan: ResolvedPlan): OfflineLayout {
  const signs = plan.agentCa ? "every backend certificate" : "every backend and agent certificate";
  const ca = caEntries(
    CA_STEM,
    shippedCa(plan.ca, plan.caTransition),
    {
      corporate: `Your organization's CA certificate(s): "${plan.ca.commonName}". Hosts trust it for backend certificates.`,
      existing: `Your existing CA certificate: "${plan.ca.commonName}". Also in every host folder. Its key is not in this bundle.`,
      fresh: `CA certificate: "${plan.ca.commonName}". Also in every host folder.`,
      key: `CA private key. Signs ${signs}: never copy it to a host.`,
      csr: "CA certificate signing request (for cross-signing). Not used by Sensu.",
    },
    (f) => f.pems.ca,
  );
  const entries: Entry[] = [...ca];
  if (!plan.ca.corporatePem)
    entries.push(
      entry(
        CA_CONFIG,
        "config",
        "cfssl signing profiles (backend, agent), to keep issuing with cfssl. Not used by Sensu.",
        () => cfsslCaConfig(plan.backendValidityHours, plan.agentValidityHours),
      ),
    );
  const agentCa = plan.agentCa;
  if (agentCa)
    entries.push(
      ...caEntries(
        AGENT_CA_STEM,
        shippedCa(agentCa, plan.agentCaTransition),
        {
          corporate: `Your organization's agent CA certificate(s): "${agentCa.commonName}". Backends verify agent certificates with it.`,
          existing: `Your existing agent CA certificate: "${agentCa.commonName}". Its key is not in this bundle.`,
          fresh: `Agent CA certificate: "${agentCa.commonName}". Signs agent certificates only.`,
          key: "Agent CA private key. Never copy it to a host.",
          csr: "Agent CA certificate signing request. Not used by Sensu.",
        },
        (f) => issuedOrThrow(f.pems.agentCa, "the agent CA"),
      ),
    );
  const trust = trustEntry(plan);
  return {
    entries: [...entries, ...(trust ? [trust] : []), ...revocationEntry(plan), ...csrEntries(plan)],
    operatorCa: trust ?? ca[0],
  };
}
