import { type KeyAlgorithmId, signingParams } from "./algorithms";
import type { CertificateAuthority } from "./ca";
import { readTlv, TAG } from "./der";
import { DerCertificate } from "./der-certificate";
import { generateKeyPair } from "./keys";
import { cnNameDer, csrInfoDer, leafTbsDer, signedDer } from "./leaf-der";
import type { San } from "./names";
import { pemOf, withNewline } from "./pem";
import { type ProfileId, PROFILES } from "./profiles";
import { randomSerial } from "./serial";
import { extensionValue, publicKeyBits, tbsFields } from "./tbs-fields";
import { validityFor } from "./validity";
import { X509Certificate } from "./x509";

export interface LeafRequest {
  profile: ProfileId;
  commonName: string;
  /** Subject alternative names. Empty means no SAN extension at all (never an empty entry). */
  sans: readonly San[];
  validityHours: number;
  algorithm: KeyAlgorithmId;
  /** CRL distribution points; only when the user says something serves them (reference point 9). */
  crlUrls?: readonly string[];
}

export interface IssuedLeaf {
  request: LeafRequest;
  /** The certificate as issued, read with der.ts: what the bundle and its cross-check use. */
  issued: DerCertificate;
  /** The same certificate parsed by x509, on first use only (tests and tools that want its API). */
  readonly certificate: X509Certificate;
  keys: CryptoKeyPair;
  /** The PKCS#10 request for the same key and names (cfssl writes one beside every certificate). */
  csrPem: string;
}

interface IssuerParts {
  /** The CA's subject exactly as encoded: the leaf's issuer must match it byte for byte. */
  name: Uint8Array;
  /** The AKI must equal the CA's own SKI: OpenSSL finds the issuer by it. */
  keyId: Uint8Array;
}

const SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
const issuerParts = new WeakMap<CertificateAuthority, Promise<IssuerParts>>();

/** The SHA-1 of a public key's bits: the SKI a CA made here carries (RFC 5280 §4.2.1.2, method 1). */
async function keyIdentifier(crypto: Crypto, spki: Uint8Array): Promise<Uint8Array> {
  const bits = publicKeyBits(spki);
  if (!bits) throw new Error("failed to read a public key the browser exported");
  return new Uint8Array(await crypto.subtle.digest("SHA-1", new Uint8Array(bits)));
}

/**
 * What every leaf copies from its CA, read once per CA. An imported CA may carry another SKI than
 * the SHA-1 of its key: copy what it carries, and compute one only when it has none.
 */
function partsOf(crypto: Crypto, ca: CertificateAuthority): Promise<IssuerParts> {
  let parts = issuerParts.get(ca);
  if (!parts) {
    parts = (async () => {
      const fields = tbsFields(new Uint8Array(ca.certificate.rawData));
      if (!fields) throw new Error(`failed to read the CA certificate "${ca.certificate.subject}"`);
      const ski = extensionValue(fields, SUBJECT_KEY_IDENTIFIER);
      const carried = ski ? readTlv(ski) : null;
      const keyId = carried?.tag === TAG.octetString ? carried.value : await keyIdentifier(crypto, fields.spki.raw);
      return { name: fields.subject.raw, keyId };
    })();
    issuerParts.set(ca, parts);
  }
  return parts;
}

/** A leaf certificate signed by `ca`, with the key usages of its profile, and its CSR. */
export async function issueLeaf(
  crypto: Crypto,
  now: Date,
  ca: CertificateAuthority,
  request: LeafRequest,
): Promise<IssuedLeaf> {
  const { notBefore, notAfter } = validityFor(now, request.validityHours);
  if (notAfter > ca.certificate.notAfter) {
    throw new Error(`failed to issue ${request.commonName}: it would outlive its CA (caller must cap validity)`);
  }
  const [keys, issuer] = await Promise.all([generateKeyPair(crypto, request.algorithm), partsOf(crypto, ca)]);
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", keys.publicKey));
  const subjectName = cnNameDer(request.commonName);
  const tbs = leafTbsDer({
    serialHex: randomSerial(crypto),
    signedWith: ca.algorithm,
    issuerName: issuer.name,
    subjectName,
    notBefore,
    notAfter,
    spki,
    leafAlgorithm: request.algorithm,
    extendedKeyUsages: PROFILES[request.profile].extendedKeyUsages,
    subjectKeyId: await keyIdentifier(crypto, spki),
    authorityKeyId: issuer.keyId,
    // No SAN extension at all when there are none: an empty one is forbidden (RFC 5280 §4.2.1.6).
    sans: request.sans,
    crlUrls: request.crlUrls ?? [],
  });
  const csrInfo = csrInfoDer(subjectName, spki, request.sans);
  const [certSignature, csrSignature] = await Promise.all([
    crypto.subtle.sign(signingParams(ca.algorithm), ca.keys.privateKey, tbs),
    crypto.subtle.sign(signingParams(request.algorithm), keys.privateKey, csrInfo),
  ]);
  const der = signedDer(tbs, ca.algorithm, new Uint8Array(certSignature));
  const csr = signedDer(csrInfo, request.algorithm, new Uint8Array(csrSignature));
  const issued = new DerCertificate(der);
  let parsed: X509Certificate | undefined;
  return {
    request,
    issued,
    get certificate() {
      return (parsed ??= new X509Certificate(der));
    },
    keys,
    csrPem: withNewline(pemOf(csr, "CERTIFICATE REQUEST")),
  };
}
