/**
 * Just enough DER to wrap a PKCS#1 or SEC1 key into PKCS#8 and to read the few fields the importers
 * need. @peculiar/asn1-* sit in node_modules only as x509's own dependencies; importing them would
 * tie this code to versions package.json does not pin, and the encoding needed here is ~60 lines.
 */

/** Bytes this module made: backed by a plain ArrayBuffer, so WebCrypto and x509 take them as is. */
export type Bytes = Uint8Array<ArrayBuffer>;

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  /** [0] EXPLICIT, constructed: SEC1's `parameters` field. */
  context0: 0xa0,
} as const;

export interface Tlv {
  tag: number;
  /** The value's bytes (a view into the input, not a copy). */
  value: Uint8Array;
  /** Offset just past this element. */
  end: number;
  /** The whole element, tag and length included (a view, not a copy). */
  raw: Uint8Array;
}

/** One DER element at `offset`, or null if the bytes are not a complete element there. */
export function readTlv(bytes: Uint8Array, offset = 0): Tlv | null {
  const tag = bytes[offset];
  let first = bytes[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) return null;
  let pos = offset + 2;
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    // DER has no indefinite length (0x80) and nothing here is 4 GiB.
    if (count === 0 || count > 4) return null;
    length = 0;
    for (let i = 0; i < count; i++) {
      first = bytes[pos++];
      if (first === undefined) return null;
      length = length * 256 + first;
    }
  }
  const end = pos + length;
  if (end > bytes.length) return null;
  return { tag, value: bytes.subarray(pos, end), end, raw: bytes.subarray(offset, end) };
}

/** The elements inside a constructed value, or null if they do not fill it exactly. */
export function readChildren(value: Uint8Array): Tlv[] | null {
  const children: Tlv[] = [];
  let offset = 0;
  while (offset < value.length) {
    const child = readTlv(value, offset);
    if (!child) return null;
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** The elements inside the constructed element at the start of `der`; empty when there is none. */
export function childrenOf(der: Uint8Array): Tlv[] {
  const top = readTlv(der);
  return (top && readChildren(top.value)) ?? [];
}

/** Whether the bytes are exactly one well-formed DER element (a truncated paste is not). */
export function isSingleElement(bytes: Uint8Array): boolean {
  const tlv = readTlv(bytes);
  return tlv !== null && tlv.end === bytes.length;
}

export function encodeTlv(tag: number, value: Uint8Array): Bytes {
  const n = value.length;
  const length: number[] = [];
  if (n < 0x80) length.push(n);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
    length.push(0x80 | bytes.length, ...bytes);
  }
  const out = new Uint8Array(1 + length.length + n);
  out[0] = tag;
  out.set(length, 1);
  out.set(value, 1 + length.length);
  return out;
}

export function encodeSequence(...parts: Uint8Array[]): Bytes {
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const value = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    value.set(p, offset);
    offset += p.length;
  }
  return encodeTlv(TAG.sequence, value);
}

/** A non-negative INTEGER in minimal two's complement (a leading 0x00 when the top bit is set). */
export function encodeUnsignedInteger(value: bigint): Bytes {
  if (value < 0n) throw new Error("failed to encode integer: negative values are not used here");
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  return encodeTlv(TAG.integer, hexToBytes(hex));
}

export function encodeOid(oid: string): Bytes {
  const arcs = oid.split(".").map((a) => BigInt(a));
  const [a = 0n, b = 0n, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [a * 40n + b, ...rest]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  }
  return encodeTlv(TAG.oid, Uint8Array.from(out));
}

export function decodeOid(value: Uint8Array): string {
  const arcs: bigint[] = [];
  let arc = 0n;
  for (const byte of value) {
    arc = (arc << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(arc);
      arc = 0n;
    }
  }
  const [first = 0n, ...rest] = arcs;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...rest].join(".");
}

export const DER_NULL = Uint8Array.of(TAG.null, 0);

export function hexToBytes(hex: string): Bytes {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
