import { childrenOf, decodeOid, readTlv, TAG } from "./der";
import type { CertView } from "./der-certificate";
import { formatIpv6 } from "./ip";
import { CLIENT_AUTH, SERVER_AUTH } from "./profiles";
import { extensionValue, tbsFields } from "./tbs-fields";

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

/** keyUsage bits (RFC 5280 §4.2.1.3) as masks over the BIT STRING's first content byte. */
const KEY_USAGE_NAMES: [number, string][] = [
  [0x80, "digitalSignature"],
  [0x20, "keyEncipherment"],
  [0x04, "keyCertSign"],
  [0x02, "cRLSign"],
];

const EKU_NAMES: Record<string, string> = { [SERVER_AUTH]: "serverAuth", [CLIENT_AUTH]: "clientAuth" };

const OID = {
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
} as const;

/**
 * Summaries by certificate object. A fleet's cross-check asks about the same backend certificate for
 * every agent and about each agent's for every backend; decoding the extensions once keeps it linear.
 * Callers share the object: it is frozen so none can change another's answer.
 */
const summaries = new WeakMap<CertView, Readonly<CertificateSummary>>();

/** The fields an operator (or a test) checks, decoded from the certificate itself. */
export function summarize(cert: CertView): Readonly<CertificateSummary> {
  let known = summaries.get(cert);
  if (!known) summaries.set(cert, (known = Object.freeze(decode(cert))));
  return known;
}

/**
 * The extensions read with der.ts rather than x509's ASN.1 schema: a fleet's cross-check summarises
 * every agent certificate, and x509 spent ~0.5 ms decoding each one's four extensions.
 */
function decode(cert: CertView): CertificateSummary {
  const fields = tbsFields(new Uint8Array(cert.rawData));
  if (!fields) throw new Error(`failed to read the extensions of "${cert.subject}"`);
  const bc = extensionValue(fields, OID.basicConstraints);
  const ku = extensionValue(fields, OID.keyUsage);
  const eku = extensionValue(fields, OID.extKeyUsage);
  const san = extensionValue(fields, OID.subjectAltName);
  const names = san ? generalNames(san) : { dns: [], ip: [] };
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    isCa: bc ? isCa(bc) : false,
    keyUsages: ku ? keyUsages(ku) : [],
    extendedKeyUsages: eku
      ? childrenOf(eku)
          .map((oid) => decodeOid(oid.value))
          .map((o) => EKU_NAMES[o] ?? o)
      : [],
    dnsNames: names.dns,
    ipAddresses: names.ip,
    hasSanExtension: san !== null,
  };
}

/** BasicConstraints { cA BOOLEAN DEFAULT FALSE, pathLen OPTIONAL }: DER omits a false cA. */
function isCa(value: Uint8Array): boolean {
  const [first] = childrenOf(value);
  return first?.tag === 0x01 && first.value[0] !== 0;
}

function keyUsages(value: Uint8Array): string[] {
  const bits = readTlv(value);
  const first = bits?.tag === TAG.bitString ? (bits.value[1] ?? 0) : 0;
  return KEY_USAGE_NAMES.filter(([mask]) => (first & mask) !== 0).map(([, name]) => name);
}

/** dNSName [2] and iPAddress [7] entries; other kinds of name play no part in TLS here. */
function generalNames(value: Uint8Array): { dns: string[]; ip: string[] } {
  const dns: string[] = [];
  const ip: string[] = [];
  for (const name of childrenOf(value)) {
    if (name.tag === 0x82) dns.push(String.fromCharCode(...name.value));
    else if (name.tag === 0x87 && name.value.length === 4) ip.push(name.value.join("."));
    else if (name.tag === 0x87 && name.value.length === 16) ip.push(formatIpv6([...name.value]));
  }
  return { dns, ip };
}
