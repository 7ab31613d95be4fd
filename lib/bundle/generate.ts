import { privateKeyPem, withNewline } from "../pki/pem";
import { randomPassword } from "../sensu/agent-users";
import { fingerprintSha256 } from "../pki/describe-cert";
import type { Connection } from "../sensu/connection";
import { crossCheck } from "../sensu/cross-check";
import { crossCheckInput } from "./cross-check-input";
import type { CertificateAuthority } from "../pki/ca";
import type { IssuedLeaf } from "../pki/issue";
import type { ResolvedPlan } from "../wizard/resolve";
import { signCrl } from "../pki/crl";
import { AGENT_CA_STEM, CA_STEM } from "./file-names";
import { issueAll, type IssuedSet, type ProgressListener, totalSteps } from "./issue-all";
import { buildManifest, type IssuedPems, type ManifestEntry, type PemTriple } from "./manifest";
import { readmeEntry } from "./planned";
import { bundleReadme, type CertificateDates } from "./readme";
import { zipFiles } from "./zip";

export interface Bundle {
  /** Every file, README.md first. */
  entries: ManifestEntry[];
  zip: Uint8Array;
  expiries: CertificateDates[];
  /** Every connection checked against these certificates and settings; any "fail" blocks download. */
  connections: Connection[];
  generatedAt: Date;
}

async function pemsOf(crypto: Crypto, issued: CertificateAuthority | IssuedLeaf): Promise<PemTriple> {
  return {
    cert: withNewline(issued.certificate.toString("pem")),
    key: await privateKeyPem(crypto, issued.keys.privateKey),
    csr: withNewline(issued.csr.toString("pem")),
  };
}

async function pemMap(crypto: Crypto, leaves: Map<string, IssuedLeaf>): Promise<Map<string, PemTriple>> {
  const out = new Map<string, PemTriple>();
  for (const [name, leaf] of leaves) out.set(name, await pemsOf(crypto, leaf));
  return out;
}

/** The CRL to publish at the plan's URL (possibly empty), signed by the CA that issued the serials. */
async function signRevocationList(crypto: Crypto, now: Date, plan: ResolvedPlan, issued: IssuedSet): Promise<IssuedPems["crl"]> {
  const r = plan.revocation;
  if (!r) return undefined;
  const signer = r.issuer === "agent-ca" && issued.agentCa ? issued.agentCa : issued.ca;
  const signed = await signCrl(crypto, now, signer, { revoked: r.serials.map((serial) => ({ serial, revocationDate: now })), nextUpdate: new Date(now.getTime() + r.nextUpdateDays * 86_400_000) });
  if (!signed.ok) throw new Error(`failed to sign the revocation list: ${signed.message}`);
  return { stem: signer === issued.agentCa ? AGENT_CA_STEM : CA_STEM, pem: signed.value.pem, url: r.crlUrl, count: r.serials.length };
}

/** Issue everything in the plan and package it: the one entry point the Worker (and tests) call. */
export async function generateBundle(crypto: Crypto, now: Date, plan: ResolvedPlan, onProgress: ProgressListener = () => {}): Promise<Bundle> {
  const issued = await issueAll(crypto, now, plan, onProgress);
  const pems: IssuedPems = {
    ca: await pemsOf(crypto, issued.ca),
    agentCa: issued.agentCa ? await pemsOf(crypto, issued.agentCa) : undefined,
    backends: await pemMap(crypto, issued.backends),
    agents: await pemMap(crypto, issued.agents),
    dashboard: issued.dashboard ? await pemsOf(crypto, issued.dashboard) : undefined,
    agentPasswords: new Map(plan.agents.map((a) => [a.commonName, randomPassword(crypto)])),
    caFingerprints: {
      ca: await fingerprintSha256(crypto, issued.ca.certificate),
      ...(issued.agentCa ? { agentCa: await fingerprintSha256(crypto, issued.agentCa.certificate) } : {}),
    },
    crl: await signRevocationList(crypto, now, plan, issued),
  };
  const files = buildManifest(plan, pems, now);
  const byCert = new Map<string, { subject: string; notAfter: Date }>();
  for (const cert of [issued.ca, issued.agentCa, ...issued.backends.values(), issued.dashboard, ...issued.agents.values()]) {
    if (cert) byCert.set(withNewline(cert.certificate.toString("pem")), { subject: cert.certificate.subject, notAfter: cert.certificate.notAfter });
  }
  const expiries: CertificateDates[] = [];
  const seen = new Set<string>();
  for (const e of files) {
    const found = e.kind === "certificate" ? byCert.get(e.content) : undefined;
    // A CA certificate is copied into every host folder; list its expiry once, at its offline copy.
    if (found && !seen.has(e.content)) {
      seen.add(e.content);
      expiries.push({ path: e.path, ...found });
    }
  }
  expiries.sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime());
  const connections = await crossCheck(crypto, crossCheckInput(plan, files, now));
  const readme = readmeEntry(bundleReadme(plan, files, expiries, connections, now));
  const entries = [readme, ...files];
  // Nothing half-made is offered: a failing connection means no zip at all.
  const zip = connections.some((c) => c.status === "fail") ? new Uint8Array() : zipFiles(entries, now);
  onProgress({ done: totalSteps(plan), total: totalSteps(plan), label: "Done" });
  return { entries, zip, expiries, connections, generatedAt: now };
}
