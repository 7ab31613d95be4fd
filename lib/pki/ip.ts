/**
 * Strict textual IP parsing. Go's net.ParseIP (used by Sensu and etcd) rejects leading zeros and
 * zone identifiers, so these parsers do too: an address that parses here parses there.
 */

/** The four octets of a dotted-quad IPv4 address, or an error saying what is wrong. */
export function parseIpv4(text: string): { ok: true; bytes: number[] } | { ok: false; reason: string } {
  const parts = text.split(".");
  if (parts.length !== 4) return { ok: false, reason: "an IPv4 address has four numbers separated by dots" };
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return { ok: false, reason: `"${part}" is not a number from 0 to 255` };
    if (part.length > 1 && part.startsWith("0")) {
      return { ok: false, reason: `"${part}" has a leading zero, which Go reads as invalid` };
    }
    const value = Number(part);
    if (value > 255) return { ok: false, reason: `${part} is over 255` };
    bytes.push(value);
  }
  return { ok: true, bytes };
}

/** The sixteen bytes of an IPv6 address (RFC 4291 text forms, no zone), or an error. */
export function parseIpv6(text: string): { ok: true; bytes: number[] } | { ok: false; reason: string } {
  if (text.startsWith("[") || text.endsWith("]")) return { ok: false, reason: "write the address without brackets" };
  if (text.includes("%")) return { ok: false, reason: "zone identifiers (%eth0) cannot go in a certificate" };
  const halves = text.split("::");
  if (halves.length > 2) return { ok: false, reason: '"::" may appear only once' };
  const groupsOf = (s: string): string[] => (s === "" ? [] : s.split(":"));
  const sides = halves.map(groupsOf);
  const words: number[][] = [];
  for (const [side, groups] of sides.entries()) {
    const out: number[] = [];
    for (const [i, group] of groups.entries()) {
      // A dotted quad may only stand as the very last 32 bits of the address (::ffff:10.0.0.1).
      const lastOfAddress = side === sides.length - 1 && i === groups.length - 1;
      if (lastOfAddress && group.includes(".")) {
        const v4 = parseIpv4(group);
        if (!v4.ok) return { ok: false, reason: `embedded IPv4 part: ${v4.reason}` };
        const [a = 0, b = 0, c = 0, d = 0] = v4.bytes;
        out.push((a << 8) | b, (c << 8) | d);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(group))
        return { ok: false, reason: `"${group}" is not a group of 1 to 4 hex digits` };
      out.push(parseInt(group, 16));
    }
    words.push(out);
  }
  const [front = [], back = []] = words;
  const count = front.length + back.length;
  if (halves.length === 1 && count !== 8) return { ok: false, reason: "an IPv6 address has eight groups (or uses ::)" };
  if (halves.length === 2 && count > 7) return { ok: false, reason: "too many groups for an address with ::" };
  const all = [...front, ...new Array<number>(8 - count).fill(0), ...back];
  return { ok: true, bytes: all.flatMap((w) => [w >> 8, w & 0xff]) };
}

/**
 * RFC 5952 text for sixteen bytes: lowercase, no leading zeros, the longest run of two or more zero
 * groups as "::". The certificate library parses only hex groups, so an address typed with an
 * embedded dotted quad (::ffff:10.0.0.1) must reach it in this form or its bytes come out wrong.
 */
export function formatIpv6(bytes: readonly number[]): string {
  const groups = Array.from({ length: 8 }, (_, i) =>
    (((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0)).toString(16),
  );
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(":");
  const head = groups.slice(0, best.start).join(":");
  const tail = groups.slice(best.start + best.length).join(":");
  return `${head}::${tail}`;
}
