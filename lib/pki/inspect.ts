import {
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  type X509Certificate,
} from "./x509";

export interface CertificateSummary {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  isCa: boolean;
  keyUsages: string[];
  extendedKeyUsages: string[];
  dnsNames: string[];
  ipAddresses: string[];
  /** Whether a SAN extension is present at all (an empty one is forbidden by RFC 5280). */
  hasSanExtension: boolean;
}

const KEY_USAGE_NAMES: [KeyUsageFlags, string][] = [
  [KeyUsageFlags.digitalSignature, "digitalSignature"],
  [KeyUsageFlags.keyEncipherment, "keyEncipherment"],
  [KeyUsageFlags.keyCertSign, "keyCertSign"],
  [KeyUsageFlags.cRLSign, "cRLSign"],
];

const EKU_NAMES: Record<string, string> = {
  [ExtendedKeyUsage.serverAuth]: "serverAuth",
  [ExtendedKeyUsage.clientAuth]: "clientAuth",
};

/**
 * Summaries by certificate object. A fleet's cross-check asks about the same backend certificate for
 * every agent and about each agent's for every backend; decoding the extensions once keeps it linear.
 * Callers share the object: it is frozen so none can change another's answer.
 */
const summaries = new WeakMap<X509Certificate, Readonly<CertificateSummary>>();

/** The fields an operator (or a test) checks, decoded from the certificate itself. */
export function summarize(cert: X509Certificate): Readonly<CertificateSummary> {
  let known = summaries.get(cert);
  if (!known) summaries.set(cert, (known = Object.freeze(decode(cert))));
  return known;
}

function decode(cert: X509Certificate): CertificateSummary {
  const ku = cert.getExtension(KeyUsagesExtension);
  const eku = cert.getExtension(ExtendedKeyUsageExtension);
  const bc = cert.getExtension(BasicConstraintsExtension);
  const san = cert.getExtension(SubjectAlternativeNameExtension);
  const names = san?.names.toJSON() ?? [];
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    isCa: bc?.ca ?? false,
    keyUsages: ku ? KEY_USAGE_NAMES.filter(([flag]) => (ku.usages & flag) !== 0).map(([, n]) => n) : [],
    extendedKeyUsages: Array.from(eku?.usages ?? [], (u) => EKU_NAMES[String(u)] ?? String(u)),
    dnsNames: names.filter((n) => n.type === "dns").map((n) => n.value),
    ipAddresses: names.filter((n) => n.type === "ip").map((n) => n.value),
    hasSanExtension: san !== null,
  };
}
