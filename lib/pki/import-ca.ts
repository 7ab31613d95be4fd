import { signingParams } from "./algorithms";
import type { CertificateAuthority } from "./ca";
import { daysUntil, formatUtc } from "./format";
import { importPrivateKeyPem, type KeyFormat } from "./import-key";
import { describeSubtree } from "./name-constraints";
import { readNameConstraints } from "./name-constraints-read";
import type { PemResult } from "./pem-blocks";
import { CLIENT_AUTH, SERVER_AUTH } from "./profiles";
import { derHex, readOneCertificate } from "./read-certificates";
import {
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  Pkcs10CertificateRequestGenerator,
  type X509Certificate,
} from "./x509";

export interface ImportCaRequest {
  certificatePem: string;
  keyPem: string;
  /** Named in the decrypt command if the key is encrypted. Default "ca-key.pem". */
  keyFileName?: string;
}

export interface ImportedCa {
  /** The same shape createCa returns, so issueLeaf signs with it unchanged. */
  ca: CertificateAuthority;
  keyFormat: KeyFormat;
  /** Whole days from `now` until the CA expires. */
  daysLeft: number;
  /** The CA's pathLenConstraint, if it has one (0 still allows leaves). */
  pathLength?: number;
  /** What does not stop issuing but the user should know, one sentence each. */
  notices: string[];
}

/** Below this many days left, say that leaves will be cut short: the guide's leaves last 180 days. */
const SHORT_CA_DAYS = 180;

function caProblem(cert: X509Certificate, now: Date): string | null {
  const name = `"${cert.subject}"`;
  const bc = cert.getExtension(BasicConstraintsExtension);
  if (!bc?.ca)
    return `${name} is not a CA certificate (it lacks basicConstraints CA:TRUE), so certificates it signs are refused. Paste the CA's certificate (ca.pem), not a host's.`;
  const ku = cert.getExtension(KeyUsagesExtension);
  if (ku && (ku.usages & KeyUsageFlags.keyCertSign) === 0)
    return `${name} is marked CA:TRUE but its keyUsage lacks keyCertSign, so it may not sign certificates. Use a CA certificate issued with keyUsage keyCertSign.`;
  if (now < cert.notBefore)
    return `${name} is not valid until ${formatUtc(cert.notBefore)}: check this computer's clock, or wait until then.`;
  if (now >= cert.notAfter)
    return `${name} expired on ${formatUtc(cert.notAfter)}: certificates it signs would be refused. Renew the CA first, or import a current one.`;
  return null;
}

function caNotices(cert: X509Certificate, daysLeft: number): string[] {
  const notices: string[] = [];
  const bc = cert.getExtension(BasicConstraintsExtension);
  if (bc?.pathLength !== undefined) {
    notices.push(
      `The CA has pathLenConstraint ${bc.pathLength}: it can sign host certificates${bc.pathLength === 0 ? " but no intermediate CAs" : ""}, which is all the wizard issues.`,
    );
  }
  const nc = readNameConstraints(cert);
  if (nc) {
    const all = [
      ...nc.permitted.map((t) => `permitted;${describeSubtree(t)}`),
      ...nc.excluded.map((t) => `excluded;${describeSubtree(t)}`),
    ];
    notices.push(
      `The CA has name constraints (${all.join(", ")}): every name of the plan is checked against them, at its field.`,
    );
  }
  const ku = cert.getExtension(KeyUsagesExtension);
  if (!ku)
    notices.push(
      "The CA certificate has no keyUsage extension; Go and OpenSSL accept that, but RFC 5280 asks CAs to carry keyCertSign.",
    );
  else if ((ku.usages & KeyUsageFlags.cRLSign) === 0)
    notices.push("The CA's keyUsage lacks cRLSign, so it cannot sign a revocation list.");
  const eku = cert.getExtension(ExtendedKeyUsageExtension);
  if (eku) {
    const usages = eku.usages.map(String);
    const missing = [SERVER_AUTH, CLIENT_AUTH].filter((oid) => !usages.includes(oid));
    if (missing.length > 0)
      notices.push(
        'The CA certificate limits extended key usage and leaves out serverAuth or clientAuth; Go and etcd then refuse backend certificates below it ("incompatible key usage").',
      );
  }
  if (daysLeft < SHORT_CA_DAYS)
    notices.push(
      `The CA expires in ${daysLeft} days (${formatUtc(cert.notAfter)}); certificates issued now end then too. Plan the CA's renewal.`,
    );
  return notices;
}

/**
 * An existing CA (certificate and private key, PEM) checked for use as the issuer: exactly one
 * certificate, a CA, valid at `now`, and the key is the certificate's key. The result issues leaves
 * through the same issueLeaf as a CA made here.
 */
export async function importCa(crypto: Crypto, now: Date, request: ImportCaRequest): Promise<PemResult<ImportedCa>> {
  const read = readOneCertificate(request.certificatePem, "the CA certificate");
  if (!read.ok) return read;
  const certificate = read.value;
  const problem = caProblem(certificate, now);
  if (problem) return { ok: false, message: problem };
  const key = await importPrivateKeyPem(crypto, request.keyPem, request.keyFileName);
  if (!key.ok) return key;
  const spki = derHex(await crypto.subtle.exportKey("spki", key.value.keys.publicKey));
  if (spki !== derHex(certificate.publicKey.rawData)) {
    return {
      ok: false,
      message: `The private key does not belong to "${certificate.subject}": its public key differs from the certificate's. Paste the key that was created with this CA certificate (usually ca-key.pem next to ca.pem).`,
    };
  }
  const { algorithm, keys, format } = key.value;
  const daysLeft = daysUntil(now, certificate.notAfter);
  const notices = caNotices(certificate, daysLeft);
  // CertificateAuthority carries a CSR (cfssl writes ca.csr for cross-signing); one is rebuilt here
  // from the imported key so the shape is the same as createCa's.
  const csr = await Pkcs10CertificateRequestGenerator.create(
    { name: certificate.subjectName, keys, signingAlgorithm: signingParams(algorithm) },
    crypto,
  );
  const pathLength = certificate.getExtension(BasicConstraintsExtension)?.pathLength;
  return {
    ok: true,
    value: { ca: { algorithm, certificate, keys, csr }, keyFormat: format, daysLeft, pathLength, notices },
  };
}

export { capLeafValidity, type CappedValidity } from "./leaf-cap";
