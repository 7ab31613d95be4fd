import { readChildren } from "./der";
import { parseIpv4, parseIpv6 } from "./ip";
import type { San } from "./names";

/**
 * A CA's nameConstraints (RFC 5280 4.2.1.10), read so the wizard can refuse a name the CA may not
 * sign before it issues (or asks for) a certificate that `openssl verify`, Go and etcd then refuse.
 * Matching follows OpenSSL's nc_dns / nc_ip, which Go's crypto/x509 agrees with for DNS and IP.
 */

export const NAME_CONSTRAINTS_OID = "2.5.29.30";

/** One subtree of the constraint, as plain data (it is kept in page state beside the input). */
export type Subtree =
  | { kind: "dns"; value: string }
  | { kind: "ip"; address: number[]; mask: number[] }
  | { kind: "directory" }
  | { kind: "other"; type: string };

export interface CaNameConstraints {
  /** The CA's subject, for messages. */
  ca: string;
  permitted: Subtree[];
  excluded: Subtree[];
}

const GENERAL_NAME_TYPES: Record<number, string> = {
  0: "otherName",
  1: "email",
  3: "x400Address",
  5: "ediPartyName",
  6: "URI",
  8: "registeredID",
};

function subtreeOf(base: { tag: number; value: Uint8Array }): Subtree | null {
  const type = base.tag & 0x1f;
  if (base.tag === 0x82) return { kind: "dns", value: new TextDecoder().decode(base.value) };
  if (base.tag === 0x87) {
    const bytes = Array.from(base.value);
    if (bytes.length !== 8 && bytes.length !== 32) return null;
    return { kind: "ip", address: bytes.slice(0, bytes.length / 2), mask: bytes.slice(bytes.length / 2) };
  }
  if (base.tag === 0xa4) return { kind: "directory" };
  return { kind: "other", type: GENERAL_NAME_TYPES[type] ?? `type ${type}` };
}

export function subtrees(value: Uint8Array): Subtree[] | null {
  const out: Subtree[] = [];
  const children = readChildren(value);
  if (!children) return null;
  for (const general of children) {
    const [base] = readChildren(general.value) ?? [];
    const subtree = base ? subtreeOf(base) : null;
    if (!subtree) return null;
    out.push(subtree);
  }
  return out;
}

const ipText = (bytes: readonly number[]) =>
  bytes.length === 4
    ? bytes.join(".")
    : Array.from({ length: 8 }, (_, i) => (((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0)).toString(16)).join(
        ":",
      );

/** A subtree as OpenSSL's configuration writes it: DNS:.corp.internal, IP:10.0.0.0/255.0.0.0. */
export function describeSubtree(s: Subtree): string {
  if (s.kind === "dns") return `DNS:${s.value}`;
  if (s.kind === "ip") return `IP:${ipText(s.address)}/${ipText(s.mask)}`;
  if (s.kind === "directory") return "dirName";
  return s.type;
}

function dnsMatches(name: string, base: string): boolean {
  const n = name.toLowerCase();
  const b = base.toLowerCase();
  if (b === "") return true;
  // "corp.internal" covers itself and its subdomains; ".corp.internal" only its subdomains.
  if (b.startsWith(".")) return n.endsWith(b);
  return n === b || n.endsWith(`.${b}`);
}

function ipBytes(value: string): number[] | null {
  const parsed = value.includes(":") ? parseIpv6(value) : parseIpv4(value);
  return parsed.ok ? parsed.bytes : null;
}

function ipMatches(value: string, s: Extract<Subtree, { kind: "ip" }>): boolean {
  const bytes = ipBytes(value);
  // An IPv6 address never falls in an IPv4 subtree, nor the other way round.
  if (!bytes || bytes.length !== s.address.length) return false;
  return bytes.every((b, i) => (b & (s.mask[i] ?? 0)) === ((s.address[i] ?? 0) & (s.mask[i] ?? 0)));
}

function matches(name: San, s: Subtree): boolean {
  if (name.kind === "dns") return s.kind === "dns" && dnsMatches(name.value, s.value);
  return s.kind === "ip" && ipMatches(name.value, s);
}

const sameKind = (name: San, s: Subtree) => s.kind === name.kind;

/**
 * Why this CA may not sign a certificate naming `name`, quoting the constraint, or null. A
 * permitted list of the name's kind must hold it; no excluded subtree may.
 */
export function nameConstraintProblem(name: San, nc: CaNameConstraints): string | null {
  const excluded = nc.excluded.find((s) => sameKind(name, s) && matches(name, s));
  if (excluded)
    return `the CA "${nc.ca}" may not sign it: its name constraints exclude ${describeSubtree(excluded)} (nameConstraints excluded;${describeSubtree(excluded)})`;
  const permitted = nc.permitted.filter((s) => sameKind(name, s));
  if (permitted.length > 0 && !permitted.some((s) => matches(name, s))) {
    const list = permitted.map(describeSubtree);
    return `the CA "${nc.ca}" may not sign it: its name constraints permit only ${list.join(", ")} (nameConstraints ${list.map((d) => `permitted;${d}`).join(", ")})`;
  }
  return null;
}

/**
 * Subject constraints the wizard cannot meet: it issues subjects with a CN only, which a permitted
 * directoryName subtree does not hold; and a constraint it could not read.
 */
export function subjectConstraintProblem(nc: CaNameConstraints): string | null {
  if (nc.permitted.some((s) => s.kind === "directory"))
    return `the CA "${nc.ca}" permits only subjects under given directory names (nameConstraints permitted;dirName), and the wizard's certificates carry a common name only`;
  if ([...nc.permitted, ...nc.excluded].some((s) => s.kind === "other" && s.type === "unreadable"))
    return `the name constraints of the CA "${nc.ca}" could not be read, so the wizard cannot tell which names it may sign`;
  return null;
}

/**
 * The common name as OpenSSL checks it against DNS constraints: only in a certificate without DNS
 * SANs, and only when it reads as a host name of two or more labels (so "agent" is never checked,
 * "agent.example.com" is). Go ignores the CN; OpenSSL and everything built on it do not.
 */
export function commonNameAsDns(cn: string): string | null {
  let dotted = false;
  for (let i = 0; i < cn.length; i++) {
    const c = cn[i] ?? "";
    if (/[A-Za-z0-9_]/.test(c)) continue;
    const inner = i > 0 && i < cn.length - 1;
    if (inner && c === "-") continue;
    if (inner && c === "." && cn[i + 1] !== "." && cn[i - 1] !== "-" && cn[i + 1] !== "-") {
      dotted = true;
      continue;
    }
    return null;
  }
  return dotted ? cn : null;
}
