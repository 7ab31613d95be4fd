import { formatIpv6, parseIpv4, parseIpv6 } from "./ip";

export type SanKind = "dns" | "ip";
export interface San {
  kind: SanKind;
  value: string;
}
export type SanResult = { ok: true; san: San } | { ok: false; message: string };

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** X.509's upper bound for a common name (RFC 5280 ub-common-name). */
export const MAX_COMMON_NAME = 64;

/**
 * A DNS host name as RFC 1123 and Go's crypto/x509 accept it. Returns the reason it is not one.
 * The last label may not be all digits: "10.0.0" would otherwise pass as a name.
 */
export function dnsNameProblem(name: string): string | null {
  if (name.length === 0) return "the name is empty";
  if (name.length > 253) return `the name is ${name.length} characters; DNS allows 253`;
  if (name.endsWith(".")) return "remove the trailing dot";
  if (name.includes("*")) return "wildcards are not accepted: list each host name";
  const labels = name.split(".");
  for (const label of labels) {
    if (label.length === 0) return "the name has an empty label (two dots in a row, or a leading dot)";
    if (label.length > 63) return `the label "${label.slice(0, 20)}…" is ${label.length} characters; DNS allows 63`;
    if (label.includes("_")) return `"${label}" contains an underscore, which host names may not have`;
    if (label.startsWith("-") || label.endsWith("-")) return `"${label}" starts or ends with a hyphen`;
    if (!LABEL.test(label)) return `"${label}" may contain only letters, digits and hyphens`;
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? "")) {
    return "the last label is all digits, so this is neither a host name nor an IP address";
  }
  return null;
}

/** Classify one entry as a DNS or IP SAN, strictly, or explain why it is neither. */
export function parseSan(raw: string): SanResult {
  const text = raw.trim();
  if (text === "") return { ok: false, message: "Enter a host name or an IP address." };
  if (text.includes(":")) {
    const v6 = parseIpv6(text);
    return v6.ok
      ? { ok: true, san: { kind: "ip", value: formatIpv6(v6.bytes) } }
      : { ok: false, message: `"${text}" is not a valid IPv6 address: ${v6.reason}.` };
  }
  if (/^[0-9.]+$/.test(text)) {
    const v4 = parseIpv4(text);
    if (v4.ok) return { ok: true, san: { kind: "ip", value: text } };
    return { ok: false, message: `"${text}" is not a valid IPv4 address (${v4.reason}) and not a host name.` };
  }
  const problem = dnsNameProblem(text);
  if (problem) return { ok: false, message: `"${text}" is not a valid host name: ${problem}.` };
  return { ok: true, san: { kind: "dns", value: text } };
}

/** Canonical key for duplicate detection: DNS is case-insensitive, IPs compare by bytes. */
export function sanKey(san: San): string {
  if (san.kind === "dns") return `dns:${san.value.toLowerCase()}`;
  const bytes = san.value.includes(":") ? parseIpv6(san.value) : parseIpv4(san.value);
  return bytes.ok ? `ip:${bytes.bytes.join(".")}` : `ip:${san.value}`;
}

/** Split a free-text list on commas and white space, dropping empty entries. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== "");
}

/** Why a common name cannot be used, or null. Control characters would corrupt logs and file names. */
export function commonNameProblem(cn: string): string | null {
  if (cn.trim() === "") return "Enter a common name.";
  if (cn !== cn.trim()) return "Remove the spaces at the start or end.";
  if ([...cn].length > MAX_COMMON_NAME)
    return `The common name is ${[...cn].length} characters; X.509 allows ${MAX_COMMON_NAME}.`;
  if (/[\u0000-\u001f\u007f]/.test(cn)) return "The common name contains a control character.";
  // Invisible characters that reorder or break the text around them: a name could read as another
  // one on screen and in the README ("Trojan Source"), or split a line of a generated file.
  const hidden = /[\u0080-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.exec(cn);
  if (hidden)
    return `The common name contains the invisible character U+${(hidden[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}, which changes how the text around it reads: remove it.`;
  return null;
}

/** Whether a certificate with these SANs is valid for the host a client dials (no wildcards are issued). */
export function sansCover(sans: readonly San[], host: San): boolean {
  const key = sanKey(host);
  return sans.some((s) => sanKey(s) === key);
}

/** A host for a URL: IPv6 literals go in brackets. */
export function urlHost(san: San): string {
  return san.kind === "ip" && san.value.includes(":") ? `[${san.value}]` : san.value;
}
