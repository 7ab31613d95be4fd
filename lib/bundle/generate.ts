import type { CertificateAuthority } from "../pki/ca";
import { signCrl } from "../pki/crl";
import type { CertView } from "../pki/der-certificate";
import { fingerprintSha256 } from "../pki/describe-cert";
import type { IssuedLeaf } from "../pki/issue";
import { certificateBlocks, pemOf, privateKeyPem, withNewline } from "../pki/pem";
import { X509Certificate } from "../pki/x509";
import { DASHBOARD_STEM } from "../plan/host-files";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { randomPassword } from "../sensu/agent-users";
import { crossCheck } from "../sensu/cross-check";
import { certificatesIn, rememberCertificate } from "../sensu/tls-checks";
import { type AgentIndexRow, agentIndexRow } from "./agent-index";
import { ansibleConnections } from "./ansible-cross-check";
import type { Bundle } from "./bundle";
import {
  agentFingerprints,
  agentTransition,
  agentTransitionConnections,
  transitionCa,
  transitionConnections,
} from "./ca-transition-pems";
import type { CertificateDates } from "./certificate-dates";
import { readmeEntry } from "./common-entries";
import { crossCheckInput } from "./cross-check-input";
import { generateCsrBundle } from "./csr-bundle";
import { awaitsSignedCertificates } from "./csr-layout";
import { issueAll, type IssuedSet, type ProgressListener, totalSteps } from "./issue-all";
import { issuedOrThrow, type IssuedPems, type PemTriple } from "./issued-pems";
import { buildManifest } from "./manifest";
import type { ManifestEntry } from "./manifest-entry";
import { revocationList } from "./offline-layout";
import { bundleReadme } from "./readme";
import { zipFiles } from "./zip";

async function pemsOf(crypto: Crypto, made: CertificateAuthority | IssuedLeaf): Promise<PemTriple> {
  // A leaf's DER view, never its lazily parsed X509Certificate: that parse is what a fleet can't afford.
  const view = "issued" in made ? made.issued : made.certificate;
  const cert = withNewline(pemOf(view.rawData, "CERTIFICATE"));
  rememberCertificate(cert, view);
  return {
    cert,
    key: await privateKeyPem(crypto, made.keys.privateKey),
    csr: "csrPem" in made ? made.csrPem : withNewline(made.csr.toString("pem")),
  };
}

async function pemMap(crypto: Crypto, leaves: Map<string, IssuedLeaf>): Promise<Map<string, PemTriple>> {
  const out = new Map<string, PemTriple>();
  for (const [name, leaf] of leaves) out.set(name, await pemsOf(crypto, leaf));
  return out;
}

function indexOf(certs: readonly [string, CertView][]): Map<string, AgentIndexRow> {
  return new Map(certs.map(([cn, cert]) => [cn, agentIndexRow(cert)]));
}

/** The CRL to publish at the plan's URL (possibly empty), signed by the CA that issued the serials. */
async function signRevocationList(
  crypto: Crypto,
  now: Date,
  plan: ResolvedPlan,
  issued: IssuedSet,
): Promise<string | undefined> {
  const r = plan.revocation;
  const list = revocationList(plan);
  if (!r || !list) return undefined;
  const signer = list.byAgentCa ? issuedOrThrow(issued.agentCa, "the agent CA") : issued.ca;
  const signed = await signCrl(crypto, now, signer, {
    revoked: r.serials.map((serial) => ({ serial, revocationDate: now })),
    nextUpdate: new Date(now.getTime() + r.nextUpdateDays * 86_400_000),
  });
  if (!signed.ok) throw new Error(`failed to sign the revocation list: ${signed.message}`);
  return signed.value.pem;
}

/** The admin password the Ansible tree's sensu-backend init sets, when the plan has that tree. */
const ansiblePassword = (crypto: Crypto, plan: ResolvedPlan) =>
  plan.ansible ? { clusterAdminPassword: randomPassword(crypto) } : {};

/** Everything issued here: a new or loaded CA signs every leaf. */
export async function issuedPems(
  crypto: Crypto,
  now: Date,
  plan: ResolvedPlan,
  onProgress: ProgressListener,
): Promise<IssuedPems> {
  const issued = await issueAll(crypto, now, plan, onProgress);
  const t = plan.caTransition && (await transitionCa(crypto, now, plan.ca, plan.caTransition, issued.ca));
  const ta = await agentTransition(crypto, now, plan, issued.agentCa);
  return {
    ca: await pemsOf(crypto, t ? t.shipped : issued.ca),
    ...(t ? { caTransition: t } : {}),
    agentCa: issued.agentCa ? await pemsOf(crypto, ta ? ta.shipped : issued.agentCa) : undefined,
    ...(ta ? { agentCaTransition: ta } : {}),
    backends: await pemMap(crypto, issued.backends),
    agents: await pemMap(crypto, issued.agents),
    agentIndex: indexOf([...issued.agents].map(([cn, leaf]) => [cn, leaf.issued])),
    dashboard: issued.dashboard ? await pemsOf(crypto, issued.dashboard) : undefined,
    agentPasswords: new Map(plan.agents.map((a) => [a.commonName, randomPassword(crypto)])),
    caFingerprints: {
      ...(t ? t.caFingerprints : { ca: await fingerprintSha256(crypto, issued.ca.certificate) }),
      ...(issued.agentCa ? { agentCa: await fingerprintSha256(crypto, issued.agentCa.certificate) } : {}),
      ...(ta ? agentFingerprints(ta) : {}),
    },
    crl: await signRevocationList(crypto, now, plan, issued),
    ...ansiblePassword(crypto, plan),
  };
}

const firstCertificate = (pem: string) => new X509Certificate(certificateBlocks(pem)[0] ?? pem);

/** Corporate mode, step 2: the organization's certificates, and the keys made in step 1. */
async function corporatePems(
  crypto: Crypto,
  plan: ResolvedPlan,
  leaves: NonNullable<ResolvedPlan["corporateLeaves"]>,
): Promise<IssuedPems> {
  const triple = (stem: string): PemTriple => {
    const leaf = leaves[stem];
    if (!leaf) throw new Error(`failed to assemble the bundle: nothing was checked for ${stem}`);
    return { cert: withNewline(leaf.chainPem), key: withNewline(leaf.keyPem), csr: withNewline(leaf.csrPem) };
  };
  const caOnly = (pem: string): PemTriple => ({ cert: withNewline(pem.trim()), key: "", csr: "" });
  const agentCaPem = plan.agentCa?.corporatePem;
  return {
    ca: caOnly(plan.ca.corporatePem ?? ""),
    agentCa: agentCaPem ? caOnly(agentCaPem) : undefined,
    backends: new Map(plan.backends.map((b) => [b.fqdn, triple(b.fqdn)])),
    agents: new Map(plan.agents.map((a) => [a.commonName, triple(a.commonName)])),
    agentIndex: indexOf(plan.agents.map((a) => [a.commonName, firstCertificate(triple(a.commonName).cert)])),
    dashboard: plan.api.dashboard.mode === "issue" ? triple(DASHBOARD_STEM) : undefined,
    agentPasswords: new Map(plan.agents.map((a) => [a.commonName, randomPassword(crypto)])),
    caFingerprints: {
      ca: await fingerprintSha256(crypto, firstCertificate(plan.ca.corporatePem ?? "")),
      ...(agentCaPem ? { agentCa: await fingerprintSha256(crypto, firstCertificate(agentCaPem)) } : {}),
    },
    ...ansiblePassword(crypto, plan),
  };
}

/** Each certificate file once (a CA certificate sits in every host folder), soonest expiry first. */
function expiriesOf(files: readonly ManifestEntry[]): CertificateDates[] {
  const seen = new Set<string>();
  const out: CertificateDates[] = [];
  for (const e of files) {
    if (e.kind !== "certificate" || seen.has(e.content)) continue;
    seen.add(e.content);
    // The cross-check's parse cache: each certificate is decoded once per generation.
    const [cert] = certificatesIn(e.content);
    if (!cert) throw new Error(`failed to read ${e.path}: it holds no certificate`);
    out.push({ path: e.path, subject: cert.subject, notAfter: cert.notAfter });
  }
  return out.sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime());
}

/** Issue everything in the plan and package it: the one entry point the Worker (and tests) call. */
export async function generateBundle(
  crypto: Crypto,
  now: Date,
  plan: ResolvedPlan,
  onProgress: ProgressListener = () => {},
): Promise<Bundle> {
  if (awaitsSignedCertificates(plan)) return generateCsrBundle(crypto, now, plan, onProgress);
  const pems = plan.corporateLeaves
    ? await corporatePems(crypto, plan, plan.corporateLeaves)
    : await issuedPems(crypto, now, plan, onProgress);
  const manifest = buildManifest(plan, pems, now);
  const expiries = expiriesOf(manifest.entries);
  const ansible = await ansibleConnections(crypto, plan, manifest, now);
  // The Ansible tree's rows join the table only when one fails: otherwise they repeat the host folders'.
  const connections = [
    ...(await crossCheck(crypto, crossCheckInput(plan, manifest, now))),
    // A CA renewal or rotation phase: hosts on both sides of the rolling restart must still talk.
    ...(pems.caTransition ? await transitionConnections(crypto, plan, pems.caTransition) : []),
    ...(pems.agentCaTransition ? await agentTransitionConnections(crypto, plan, pems.agentCaTransition) : []),
    ...ansible.filter((c) => c.status === "fail"),
  ];
  const readme = readmeEntry(bundleReadme(plan, manifest, expiries, connections, now, ansible));
  const entries = [readme, ...manifest.entries];
  // Nothing half-made is offered: a failing connection means no zip at all.
  const zip = connections.some((c) => c.status === "fail") ? new Uint8Array() : zipFiles(entries, now);
  onProgress({ done: totalSteps(plan), total: totalSteps(plan), label: "Done" });
  return { entries, zip, expiries, connections, generatedAt: now };
}
