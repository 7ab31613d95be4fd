import type { CertView } from "../pki/der-certificate";
import { summarize } from "../pki/inspect";
import { parseSan, type San, sansCover } from "../pki/names";
import { certificateBlocks } from "../pki/pem";
import { CLIENT_AUTH, SERVER_AUTH } from "../pki/profiles";
import { signatureVerifies } from "../pki/signed-cert-check";
import { X509Certificate } from "../pki/x509";

/** One thing verified about a connection; `detail` says what was found or how to fix it. */
export interface CheckItem {
  label: string;
  ok: boolean;
  detail: string;
}

/** The files of one host, by absolute path, as the bundle will install them. */
export type HostFiles = ReadonlyMap<string, string>;

/**
 * Parsed files by their text. A fleet's cross-check meets the same CA file on every host and each
 * agent's certificate once per backend: parsed once, they are also the same objects, which is what
 * lets the signature cache below work. Bounded, so a long session does not keep every bundle.
 */
const parsedFiles = new Map<string, CertView[]>();
// Above the largest plan (the wizard's MAX_AGENTS of 10,000 agent certificates, the backends', the
// CAs'): a full fleet's certificates stay cached through its whole cross-check.
const MAX_PARSED_FILES = 25_000;

/** A certificate just issued, under its PEM: the checks then read the object issuance made, not a re-parse. */
export function rememberCertificate(pem: string, cert: CertView): void {
  if (parsedFiles.size >= MAX_PARSED_FILES) parsedFiles.clear();
  parsedFiles.set(pem, [cert]);
}

export function certificatesIn(pem: string): CertView[] {
  const cached = parsedFiles.get(pem);
  if (cached) return cached;
  if (parsedFiles.size >= MAX_PARSED_FILES) parsedFiles.clear();
  const parsed = certificateBlocks(pem).map((block) => new X509Certificate(block));
  parsedFiles.set(pem, parsed);
  return parsed;
}

/** The file's first certificate, and every certificate in it (a leaf-first chain). */
export type Loaded = { ok: true; cert: CertView; chain: CertView[] } | { ok: false; item: CheckItem };

/** The first certificate of a file the config names, or why it cannot be used. */
export function loadCert(files: HostFiles, path: string | undefined, host: string, setting: string): Loaded {
  if (!path)
    return {
      ok: false,
      item: { label: `${setting} is set`, ok: false, detail: `${host} has no ${setting}: set it on this step.` },
    };
  const pem = files.get(path);
  if (pem === undefined)
    return {
      ok: false,
      item: {
        label: `${setting} is in the bundle`,
        ok: false,
        detail: `${setting} names ${path}, which is not in ${host}'s folder of the bundle.`,
      },
    };
  const chain = certificatesIn(pem);
  const [cert] = chain;
  if (!cert)
    return {
      ok: false,
      item: { label: `${setting} holds a certificate`, ok: false, detail: `${path} on ${host} holds no certificate.` },
    };
  return { ok: true, cert, chain };
}

/** Each certificate's signature checked once per issuer: it does not depend on which host dials which. */
const verified = new WeakMap<CertView, WeakMap<CertView, Promise<boolean>>>();

function issues(crypto: Crypto, cert: CertView, issuer: CertView): Promise<boolean> {
  // Only a parsed certificate can be an issuer here: the DER views are the leaves issuance made.
  if (!(issuer instanceof X509Certificate) || issuer.subject !== cert.issuer) return Promise.resolve(false);
  let byIssuer = verified.get(cert);
  if (!byIssuer) verified.set(cert, (byIssuer = new WeakMap()));
  let result = byIssuer.get(issuer);
  if (!result) byIssuer.set(issuer, (result = signatureVerifies(crypto, cert, issuer)));
  return result;
}

/**
 * Whether a CA in `caPem` vouches for `leaf`, directly or through the intermediates the presenter
 * sends after it (a leaf-first chain, as an organization's CA returns it).
 */
export async function signedBy(
  crypto: Crypto,
  leaf: CertView,
  caPem: string | undefined,
  caPath: string,
  verifierHost: string,
  presented: readonly CertView[] = [],
): Promise<CheckItem> {
  const label = `signed by a CA ${verifierHost} trusts`;
  if (caPem === undefined)
    return { label, ok: false, detail: `${verifierHost} has no ${caPath} in the bundle to verify with.` };
  const anchors = certificatesIn(caPem);
  let current = leaf;
  for (let depth = 0; depth < 6; depth++) {
    for (const ca of anchors)
      if (await issues(crypto, current, ca))
        return { label, ok: true, detail: `${ca.subject} (${caPath} on ${verifierHost})` };
    let next: CertView | undefined;
    for (const c of presented) if (c !== current && (await issues(crypto, current, c))) next = c;
    if (!next) break;
    current = next;
  }
  return {
    label,
    ok: false,
    detail: `${verifierHost} verifies with ${caPath}, which did not sign this certificate (issuer ${leaf.issuer}).`,
  };
}

/** What a client dialing `host` checks: the host must be one of the SANs (Go ignores the CN). */
export function namesHost(cert: CertView, host: string): CheckItem {
  const parsed = parseSan(host);
  const s = summarize(cert);
  const sans: San[] = [
    ...s.dnsNames.map((value) => ({ kind: "dns" as const, value })),
    ...s.ipAddresses.flatMap((ip) => {
      const p = parseSan(ip);
      return p.ok ? [p.san] : [];
    }),
  ];
  const listed = sans.map((x) => x.value).join(", ") || "no SANs";
  const ok = parsed.ok && sansCover(sans, parsed.san);
  return {
    label: `names ${host}`,
    ok,
    detail: ok
      ? `${host} is a SAN`
      : `${host} is not among its names (${listed}). Add it on Backend certificates, or dial a name it has.`,
  };
}

/** The client's address must be an IP SAN of the certificate it presents: etcd's peer check. */
export function namesSourceIp(cert: CertView, ip: string): CheckItem {
  const item = namesHost(cert, ip);
  return {
    label: `names its own address ${ip}`,
    ok: item.ok,
    detail: item.ok
      ? `${ip} is an IP SAN, as etcd's peer check requires`
      : `etcd refuses a peer whose address is not an IP SAN of its certificate: add ${ip} to this backend's IP addresses.`,
  };
}

export function usableFor(cert: CertView, purpose: "server" | "client"): CheckItem {
  const s = summarize(cert);
  const oid = purpose === "server" ? SERVER_AUTH : CLIENT_AUTH;
  const name = purpose === "server" ? "serverAuth" : "clientAuth";
  const ekuOk =
    s.extendedKeyUsages.length === 0 || s.extendedKeyUsages.includes(name) || s.extendedKeyUsages.includes(oid);
  const kuOk = s.keyUsages.length === 0 || s.keyUsages.includes("digitalSignature");
  const ok = ekuOk && kuOk && !s.isCa;
  const found = `key usages ${s.keyUsages.join(", ") || "none"}; extended ${s.extendedKeyUsages.join(", ") || "none"}`;
  const why = s.isCa
    ? "it is a CA certificate"
    : !ekuOk
      ? `it lacks ${name} (${s.subject} is not a ${purpose} certificate)`
      : "it lacks digitalSignature";
  return {
    label: `allowed for ${purpose} authentication`,
    ok,
    detail: ok ? found : `Not usable as a TLS ${purpose}: ${why}.`,
  };
}

export function validOn(cert: CertView, now: Date): CheckItem {
  const day = now.toISOString().slice(0, 10);
  const ok = cert.notBefore <= now && now <= cert.notAfter;
  const until = cert.notAfter.toISOString().slice(0, 10);
  return {
    label: `valid on ${day}`,
    ok,
    detail: ok
      ? `until ${until}`
      : now < cert.notBefore
        ? `not valid before ${cert.notBefore.toISOString()}`
        : `expired on ${until}: renew it.`,
  };
}

export function scheme(url: string, expected: "https" | "wss", where: string): CheckItem {
  const ok = url.startsWith(`${expected}://`);
  const plain = expected === "https" ? "http" : "ws";
  return {
    label: `${expected}://`,
    ok,
    detail: ok ? url : `${where} is ${url}: ${url.startsWith(`${plain}://`) ? "plaintext. " : ""}Use ${expected}://.`,
  };
}

/** Host of a URL, IPv6 brackets removed; null if it does not parse. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return null;
  }
}
