// Reading name constraints out of certificates with x509, apart from name-constraints.ts (the
// matching) so the page's parse checks names against constraints without loading x509.
import { readChildren, readTlv } from "./der";
import { summarize } from "./inspect";
import {
  type CaNameConstraints,
  commonNameAsDns,
  NAME_CONSTRAINTS_OID,
  nameConstraintProblem,
  subjectConstraintProblem,
  type Subtree,
  subtrees,
} from "./name-constraints";
import type { San } from "./names";
import { BasicConstraintsExtension, type X509Certificate } from "./x509";

/**
 * The certificate's name constraints, or null when it has none. A constraint that cannot be read
 * is reported as a subtree of an unknown kind, so it is never silently taken as "no constraint".
 */
export function readNameConstraints(cert: X509Certificate): CaNameConstraints | null {
  const ext = cert.getExtension(NAME_CONSTRAINTS_OID);
  if (!ext) return null;
  const out: CaNameConstraints = { ca: cert.subject, permitted: [], excluded: [] };
  const unreadable: Subtree = { kind: "other", type: "unreadable" };
  const outer = readTlv(new Uint8Array(ext.value));
  const parts = outer && outer.tag === 0x30 ? readChildren(outer.value) : null;
  if (!parts) return { ...out, permitted: [unreadable] };
  for (const part of parts) {
    const list = subtrees(part.value);
    if (part.tag === 0xa0) out.permitted.push(...(list ?? [unreadable]));
    else if (part.tag === 0xa1) out.excluded.push(...(list ?? [unreadable]));
  }
  return out;
}

/** The names a verifier checks in a leaf: its DNS and IP SANs, and its CN where OpenSSL reads it as a host name. */
function leafNames(leaf: X509Certificate): San[] {
  const s = summarize(leaf);
  const names: San[] = [
    ...s.dnsNames.map((value) => ({ kind: "dns" as const, value })),
    ...s.ipAddresses.map((value) => ({ kind: "ip" as const, value })),
  ];
  const cn = leaf.subjectName.getField("CN")[0];
  const cnDns = s.dnsNames.length === 0 && cn ? commonNameAsDns(cn) : null;
  return cnDns ? [...names, { kind: "dns", value: cnDns }] : names;
}

/**
 * What a verifier would refuse in a chain (leaf first, the trust anchor last if given) because of
 * its CAs' constraints: a pathLenConstraint with more intermediate CAs below it than it allows, or
 * a leaf name outside a CA's name constraints.
 */
export function chainConstraintProblems(chain: readonly X509Certificate[]): string[] {
  const [leaf, ...cas] = chain;
  if (!leaf) return [];
  const problems: string[] = [];
  const names = leafNames(leaf);
  for (const [i, ca] of cas.entries()) {
    // Self-issued intermediates (a CA renewed under its own name) do not count (RFC 5280 6.1.4).
    const below = cas.slice(0, i).filter((c) => c.subject !== c.issuer).length;
    const pathLength = ca.getExtension(BasicConstraintsExtension)?.pathLength;
    if (pathLength !== undefined && below > pathLength)
      problems.push(
        `"${ca.subject}" has pathLenConstraint ${pathLength}, so at most ${pathLength} intermediate CA${pathLength === 1 ? "" : "s"} may sit below it, and this chain has ${below}`,
      );
    const nc = readNameConstraints(ca);
    if (!nc) continue;
    const subject = subjectConstraintProblem(nc);
    if (subject) problems.push(subject);
    for (const name of names) {
      const problem = nameConstraintProblem(name, nc);
      if (problem) problems.push(`${name.value}: ${problem}`);
    }
  }
  return problems;
}
