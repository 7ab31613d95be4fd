import { type CertView, DerCertificate } from "./der-certificate";
import { formatUtc } from "./format";
import { summarize } from "./inspect";
import { chainConstraintProblems } from "./name-constraints-read";
import { type San, sanKey } from "./names";
import { withNewline } from "./pem";
import type { PemResult } from "./pem-blocks";
import { type ProfileId, PROFILES, SERVER_AUTH } from "./profiles";
import { derHex, readCertificates, readOneCsr } from "./read-certificates";
import {
  KeyUsageFlags,
  KeyUsagesExtension,
  type Pkcs10CertificateRequest,
  SubjectAlternativeNameExtension,
  X509Certificate,
} from "./x509";

export interface SignedCertRequest {
  /** The CSR the wizard made (and whose key it holds). */
  csrPem: string;
  /** What the organization's CA returned: the certificate, possibly followed by its chain. */
  certificatePem: string;
  /** Further intermediate (or root) certificates, one text per pasted file, in any order. */
  chainPems?: readonly string[];
  profile: ProfileId;
}

export interface CheckedCertificate {
  certificate: X509Certificate;
  /** The leaf, then each issuer in order, each signature checked against the next; no root. */
  chain: X509Certificate[];
  /** `chain` as PEM: what `cert-file` / `etcd-cert-file` should hold. */
  chainPem: string;
  /** The self-signed root, if one was pasted: it belongs in `trusted-ca-file`, not in the chain. */
  root?: X509Certificate;
  notices: string[];
}

const EKU_NAMES: Record<string, string> = { [SERVER_AUTH]: "serverAuth", "1.3.6.1.5.5.7.3.2": "clientAuth" };

function csrNames(csr: Pkcs10CertificateRequest): { cn: string; sans: San[] } {
  const ext = csr.getExtension("2.5.29.17");
  const names = ext ? new SubjectAlternativeNameExtension(ext.rawData).names.toJSON() : [];
  const sans = names
    .filter((n) => n.type === "dns" || n.type === "ip")
    .map((n) => ({ kind: n.type as San["kind"], value: n.value }));
  return { cn: csr.subjectName.getField("CN")[0] ?? "", sans };
}

function certNames(cert: X509Certificate): { cn: string; sans: San[] } {
  const s = summarize(cert);
  const sans: San[] = [
    ...s.dnsNames.map((value) => ({ kind: "dns" as const, value })),
    ...s.ipAddresses.map((value) => ({ kind: "ip" as const, value })),
  ];
  return { cn: cert.subjectName.getField("CN")[0] ?? "", sans };
}

/** Each difference between the CSR's names and the certificate's, or an empty list. */
export function nameDifferences(csr: { cn: string; sans: San[] }, cert: { cn: string; sans: San[] }): string[] {
  const out: string[] = [];
  if (csr.cn !== cert.cn) out.push(`the common name is "${cert.cn}", the CSR asked for "${csr.cn}"`);
  const label = (s: San) => `${s.kind === "dns" ? "DNS" : "IP"} ${s.value}`;
  const certKeys = new Set(cert.sans.map(sanKey));
  const csrKeys = new Set(csr.sans.map(sanKey));
  const missing = csr.sans.filter((s) => !certKeys.has(sanKey(s))).map(label);
  const added = cert.sans.filter((s) => !csrKeys.has(sanKey(s))).map(label);
  if (missing.length) out.push(`missing from the certificate: ${missing.join(", ")}`);
  if (added.length) out.push(`added by the CA: ${added.join(", ")}`);
  return out;
}

function usageProblems(cert: X509Certificate, profile: ProfileId): string[] {
  const s = summarize(cert);
  const problems: string[] = [];
  if (s.isCa) problems.push("it is a CA certificate (basicConstraints CA:TRUE); a host certificate must not be");
  const ku = cert.getExtension(KeyUsagesExtension);
  if (ku && (ku.usages & KeyUsageFlags.digitalSignature) === 0)
    problems.push("its keyUsage lacks digitalSignature, which TLS needs");
  const usages = cert.getExtension("2.5.29.37") ? summarize(cert).extendedKeyUsages : null;
  const needed = PROFILES[profile].extendedKeyUsages.map((oid) => EKU_NAMES[oid] ?? oid);
  const missing = usages === null ? needed : needed.filter((n) => !usages.includes(n));
  if (missing.length)
    problems.push(
      `the ${profile} profile needs extended key usage ${needed.join(" + ")}; ${usages === null ? "it has none" : `it lacks ${missing.join(" and ")}`}`,
    );
  return problems;
}

function validityProblem(cert: X509Certificate, now: Date, what: string): string | null {
  if (now < cert.notBefore)
    return `${what} "${cert.subject}" is not valid until ${formatUtc(cert.notBefore)}; check this computer's clock.`;
  if (now >= cert.notAfter) return `${what} "${cert.subject}" expired on ${formatUtc(cert.notAfter)}.`;
  return null;
}

/**
 * Issuers' public keys imported once per signature algorithm: x509 re-imports the key on every
 * verify, which is most of a fleet's cross-check (one CA verifying a thousand agent certificates).
 */
const verifyKeys = new WeakMap<Crypto, WeakMap<X509Certificate, Map<string, Promise<CryptoKey>>>>();

function verifyKey(crypto: Crypto, algorithm: Algorithm, issuer: X509Certificate): Promise<CryptoKey> {
  const params = { ...issuer.publicKey.algorithm, ...algorithm };
  const id = JSON.stringify(params);
  let byIssuer = verifyKeys.get(crypto);
  if (!byIssuer) verifyKeys.set(crypto, (byIssuer = new WeakMap()));
  let byAlgorithm = byIssuer.get(issuer);
  if (!byAlgorithm) byIssuer.set(issuer, (byAlgorithm = new Map()));
  let key = byAlgorithm.get(id);
  if (!key) byAlgorithm.set(id, (key = issuer.publicKey.export(params, ["verify"], crypto)));
  return key;
}

/** r and s of an ECDSA signature are each as long as the signer's curve order. */
const CURVE_BYTES: Record<string, number> = { "P-256": 32, "P-384": 48, "P-521": 66 };

/** A DER view's signature checked with WebCrypto directly, over the exact bytes it carries. */
async function derSignatureVerifies(crypto: Crypto, cert: DerCertificate, issuer: X509Certificate): Promise<boolean> {
  const algorithm = cert.isEcdsa
    ? ({ name: "ECDSA", hash: cert.signatureHash } as EcdsaParams)
    : ({ name: "RSASSA-PKCS1-v1_5", hash: cert.signatureHash } as Algorithm);
  const curve = (issuer.publicKey.algorithm as EcKeyAlgorithm).namedCurve ?? "";
  const signature = cert.signatureFor(CURVE_BYTES[curve] ?? 0);
  return crypto.subtle.verify(algorithm, await verifyKey(crypto, algorithm, issuer), signature, cert.tbs);
}

/** Whether `issuer`'s key signed `cert`; a signature that cannot be checked counts as no. */
export async function signatureVerifies(crypto: Crypto, cert: CertView, issuer: X509Certificate): Promise<boolean> {
  try {
    if (cert instanceof DerCertificate) return await derSignatureVerifies(crypto, cert, issuer);
    if (!(cert instanceof X509Certificate)) return false;
    const publicKey = await verifyKey(crypto, cert.signatureAlgorithm, issuer);
    return await cert.verify({ publicKey, signatureOnly: true }, crypto);
  } catch {
    return false;
  }
}

/** Leaf first, each issuer found among `pool` by name and proven by signature. */
async function buildChain(
  crypto: Crypto,
  now: Date,
  leaf: X509Certificate,
  pool: X509Certificate[],
): Promise<PemResult<{ chain: X509Certificate[]; root?: X509Certificate; unused: X509Certificate[] }>> {
  const chain = [leaf];
  let remaining = pool.filter((c) => c !== leaf);
  let current = leaf;
  for (let depth = 0; depth < 8; depth++) {
    const named = remaining.filter((c) => c.subject === current.issuer);
    if (named.length === 0) break;
    let issuer: X509Certificate | undefined;
    for (const candidate of named) if (await signatureVerifies(crypto, current, candidate)) issuer = candidate;
    if (!issuer)
      return {
        ok: false,
        message: `"${named[0]?.subject}" is named as the issuer of "${current.subject}" but did not sign it: that intermediate belongs to another chain (or was renewed with a new key). Paste the issuer the CA used.`,
      };
    const expired = validityProblem(issuer, now, "The issuing certificate");
    if (expired) return { ok: false, message: expired };
    remaining = remaining.filter((c) => c !== issuer);
    if (issuer.subject === issuer.issuer && (await signatureVerifies(crypto, issuer, issuer)))
      return { ok: true, value: { chain, root: issuer, unused: remaining } };
    chain.push(issuer);
    current = issuer;
  }
  return { ok: true, value: { chain, unused: remaining } };
}

/**
 * Check a certificate the organization's CA issued for one of the wizard's CSRs: same key, same
 * names, usages that fit the profile, valid now; then order the chain leaf first.
 */
export async function checkSignedCertificate(
  crypto: Crypto,
  now: Date,
  request: SignedCertRequest,
): Promise<PemResult<CheckedCertificate>> {
  const csr = readOneCsr(request.csrPem, "the CSR");
  if (!csr.ok) return csr;
  const given = readCertificates(request.certificatePem, "the signed certificate");
  if (!given.ok) return given;
  const pool = [...given.value];
  for (const [i, text] of (request.chainPems ?? []).entries()) {
    const more = readCertificates(text, `chain file ${i + 1}`);
    if (!more.ok) return more;
    pool.push(...more.value.filter((c) => !pool.some((p) => derHex(p.rawData) === derHex(c.rawData))));
  }
  const key = derHex(csr.value.publicKey.rawData);
  const leaf = pool.find((c) => derHex(c.publicKey.rawData) === key);
  if (!leaf) {
    const first = given.value[0];
    const which =
      given.value.length === 1 && first
        ? `"${first.subject}" was not issued for this CSR: its public key differs from the CSR's`
        : `None of the ${pool.length} certificates loaded was issued for this CSR: their public keys differ from the CSR's`;
    return { ok: false, message: `${which}. Load the certificate the CA returned for "${csr.value.subject}".` };
  }
  const differences = nameDifferences(csrNames(csr.value), certNames(leaf));
  if (differences.length)
    return {
      ok: false,
      message: `The certificate's names differ from the CSR's: ${differences.join("; ")}. Ask the CA to issue exactly the requested names (Sensu and etcd check them).`,
    };
  const usage = usageProblems(leaf, request.profile);
  if (usage.length)
    return { ok: false, message: `The certificate does not fit the ${request.profile} profile: ${usage.join("; ")}.` };
  const expired = validityProblem(leaf, now, "The certificate");
  if (expired) return { ok: false, message: expired };
  const built = await buildChain(crypto, now, leaf, pool);
  if (!built.ok) return built;
  const { chain, root, unused } = built.value;
  const constrained = chainConstraintProblems([...chain, ...(root ? [root] : [])]);
  if (constrained.length)
    return {
      ok: false,
      message: `A verifier would refuse this certificate's chain: ${constrained.join("; ")}. Ask the CA for a certificate its chain allows, or use another CA.`,
    };
  const notices: string[] = [];
  const last = chain[chain.length - 1] ?? leaf;
  if (chain.length === 1 && !root)
    notices.push(
      `No certificate of the issuer "${leaf.issuer}" was pasted, so the CA's signature was not checked here.`,
    );
  else if (!root)
    notices.push(
      `The chain ends at "${last.subject}", issued by "${last.issuer}": hosts must trust that CA (trusted-ca-file).`,
    );
  if (request.profile === "agent" && summarize(leaf).extendedKeyUsages.includes("serverAuth"))
    notices.push("The agent certificate also allows serverAuth; an agent only needs clientAuth.");
  for (const c of unused) notices.push(`"${c.subject}" is not part of this certificate's chain and was left out.`);
  const chainPem = withNewline(chain.map((c) => c.toString("pem")).join("\n"));
  return { ok: true, value: { certificate: leaf, chain, chainPem, root, notices } };
}
