import { isRsa, type KeyAlgorithmId, signingParams } from "./algorithms";
import { type CertificateAuthority, cnName } from "./ca";
import { generateKeyPair } from "./keys";
import type { San } from "./names";
import { type ProfileId, PROFILES } from "./profiles";
import { randomSerial } from "./serial";
import { validityFor } from "./validity";
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  CRLDistributionPointsExtension,
  ExtendedKeyUsageExtension,
  type Extension,
  KeyUsageFlags,
  KeyUsagesExtension,
  type Pkcs10CertificateRequest,
  Pkcs10CertificateRequestGenerator,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  type X509Certificate,
  X509CertificateGenerator,
} from "./x509";

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
  certificate: X509Certificate;
  keys: CryptoKeyPair;
  csr: Pkcs10CertificateRequest;
}

function sanExtension(sans: readonly San[]): SubjectAlternativeNameExtension | null {
  if (sans.length === 0) return null;
  return new SubjectAlternativeNameExtension(
    sans.map((s) => ({ type: s.kind, value: s.value })),
    false,
  );
}

/**
 * The AKI must equal the CA's own SKI: OpenSSL finds the issuer by it. A CA made here has the SHA-1
 * of its key there; an imported CA may have been given another identifier, so copy what it carries.
 */
async function authorityKeyId(crypto: Crypto, ca: CertificateAuthority): Promise<AuthorityKeyIdentifierExtension> {
  const ski = ca.certificate.getExtension(SubjectKeyIdentifierExtension);
  return ski
    ? new AuthorityKeyIdentifierExtension(ski.keyId, false)
    : AuthorityKeyIdentifierExtension.create(ca.keys.publicKey, false, crypto);
}

/** A leaf certificate signed by `ca`, with the key usages of its profile. */
export async function issueLeaf(
  crypto: Crypto,
  now: Date,
  ca: CertificateAuthority,
  request: LeafRequest,
): Promise<IssuedLeaf> {
  const keys = await generateKeyPair(crypto, request.algorithm);
  const profile = PROFILES[request.profile];
  const { notBefore, notAfter } = validityFor(now, request.validityHours);
  if (notAfter > ca.certificate.notAfter) {
    throw new Error(`failed to issue ${request.commonName}: it would outlive its CA (caller must cap validity)`);
  }
  // keyEncipherment only means something for RSA key transport; on an EC key it is invalid.
  const usage = isRsa(request.algorithm)
    ? KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment
    : KeyUsageFlags.digitalSignature;
  const san = sanExtension(request.sans);
  const extensions: Extension[] = [
    new BasicConstraintsExtension(false, undefined, true),
    new KeyUsagesExtension(usage, true),
    new ExtendedKeyUsageExtension([...profile.extendedKeyUsages], false),
    await SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
    await authorityKeyId(crypto, ca),
  ];
  if (san) extensions.push(san);
  if (request.crlUrls && request.crlUrls.length > 0)
    extensions.push(new CRLDistributionPointsExtension([...request.crlUrls], false));
  const certificate = await X509CertificateGenerator.create(
    {
      serialNumber: randomSerial(crypto),
      subject: cnName(request.commonName),
      issuer: ca.certificate.subjectName,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: ca.keys.privateKey,
      signingAlgorithm: signingParams(ca.algorithm),
      extensions,
    },
    crypto,
  );
  const csr = await Pkcs10CertificateRequestGenerator.create(
    {
      name: cnName(request.commonName),
      keys,
      signingAlgorithm: signingParams(request.algorithm),
      extensions: san ? [san] : [],
    },
    crypto,
  );
  return { request, certificate, keys, csr };
}
