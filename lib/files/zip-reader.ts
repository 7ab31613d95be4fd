import { Inflate, strFromU8 } from "fflate";

/**
 * Reads a zip's directory, then unpacks only the entries asked for. fflate's unzipSync would do
 * both, but it inflates as it walks the directory, and it trusts the declared sizes: an entry
 * that declares 10 bytes and inflates to 20 GB keeps the page busy for minutes (measured: a
 * 195 KB entry claiming 10 bytes took 1.1 s to yield 200 MB it then threw away). Here the
 * directory is read first, so the caller can check the declared sizes and the count before
 * anything is inflated, and inflating stops as soon as an entry outgrows its declared size.
 */

export interface ZipEntry {
  /** The path inside the zip, e.g. "ca/ca.pem"; directories end with "/". */
  path: string;
  /** The size the directory declares once unpacked: checked against the caps, then held to. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflated; anything else is refused when unpacked. */
  method: number;
  flags: number;
  localHeader: number;
}

export type ZipDirectory =
  { status: "ok"; entries: ZipEntry[] } | { status: "too-many"; count: number } | { status: "damaged"; reason: string };

export type Unpacked = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const END = 0x06054b50;
const END64_LOCATOR = 0x07064b50;
const END64 = 0x06064b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** A 32-bit or 16-bit field at its maximum means "see the ZIP64 record". */
const FULL32 = 0xffffffff;
const FULL16 = 0xffff;
const UTF8_NAMES = 0x800;
const ENCRYPTED = 0x1;
/** Inflating this much input at a time bounds each step's output to about 8 MB (deflate's 1032:1 at most). */
const STEP = 8 * 1024;

const LOCAL_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];

/** A zip by its first bytes: a local file header, or the end record of an empty zip. */
export function isZip(bytes: Uint8Array): boolean {
  return [LOCAL_MAGIC, EMPTY_MAGIC].some((magic) => magic.every((b, i) => bytes[i] === b));
}

class Damaged extends Error {}

function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (offset: number, length: number, what: string) => {
    if (offset < 0 || offset + length > bytes.length) throw new Damaged(`${what} is cut off`);
  };
  return {
    need,
    u16: (offset: number) => view.getUint16(offset, true),
    u32: (offset: number) => view.getUint32(offset, true),
    u64: (offset: number) => {
      const value = view.getBigUint64(offset, true);
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Damaged("a ZIP64 size is out of range");
      return Number(value);
    },
  };
}

/** The end record, searched backwards past a comment of up to 64 KB. */
function findEnd(bytes: Uint8Array, u32: (offset: number) => number): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - FULL16; at--) if (u32(at) === END) return at;
  throw new Damaged("it has no zip directory: the file is cut off or is not a zip");
}

/** The directory's place and entry count, from the end record or its ZIP64 twin. */
function directoryPlace(bytes: Uint8Array): { count: number; offset: number } {
  const { need, u16, u32, u64 } = reader(bytes);
  const end = findEnd(bytes, u32);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0) throw new Damaged("it is one part of a split zip");
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if ((count === FULL16 || offset === FULL32) && end >= 20 && u32(end - 20) === END64_LOCATOR) {
    const end64 = u64(end - 20 + 8);
    need(end64, 56, "its ZIP64 end record");
    if (u32(end64) !== END64) throw new Damaged("its ZIP64 end record is missing");
    count = u64(end64 + 32);
    offset = u64(end64 + 48);
  }
  return { count, offset };
}

/** ZIP64 sizes and offset, present in the extra field only for the fields that are full. */
function zip64Fields(bytes: Uint8Array, extra: number, extraLength: number, full: boolean[]): number[] {
  const { need, u16, u64 } = reader(bytes);
  for (let at = extra; at + 4 <= extra + extraLength; at += 4 + u16(at + 2)) {
    if (u16(at) !== 0x0001) continue;
    const values: number[] = [];
    let field = at + 4;
    for (const isFull of full) {
      if (!isFull) continue;
      need(field, 8, "a ZIP64 field");
      values.push(u64(field));
      field += 8;
    }
    return values;
  }
  throw new Damaged("an entry's ZIP64 sizes are missing");
}

/**
 * The zip's entries as its directory lists them. The count is checked against `maxEntries`
 * before a single entry is read.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  try {
    const { count, offset } = directoryPlace(bytes);
    if (count > maxEntries) return { status: "too-many", count };
    const { need, u16, u32 } = reader(bytes);
    const entries: ZipEntry[] = [];
    let at = offset;
    for (let i = 0; i < count; i++) {
      need(at, 46, "its directory");
      if (u32(at) !== DIRECTORY_HEADER) throw new Damaged("its directory is damaged");
      const flags = u16(at + 8);
      const [nameLength, extraLength, commentLength] = [u16(at + 28), u16(at + 30), u16(at + 32)];
      need(at + 46, nameLength + extraLength + commentLength, "its directory");
      const path = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), (flags & UTF8_NAMES) === 0);
      let [size, compressedSize, localHeader] = [u32(at + 24), u32(at + 20), u32(at + 42)];
      const full = [size, compressedSize, localHeader].map((v) => v === FULL32);
      if (full.some(Boolean)) {
        const values = zip64Fields(bytes, at + 46 + nameLength, extraLength, full);
        if (full[0]) size = values.shift() ?? size;
        if (full[1]) compressedSize = values.shift() ?? compressedSize;
        if (full[2]) localHeader = values.shift() ?? localHeader;
      }
      entries.push({ path, size, compressedSize, method: u16(at + 10), flags, localHeader });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return { status: "ok", entries };
  } catch (e) {
    if (e instanceof Damaged) return { status: "damaged", reason: e.message };
    throw e;
  }
}

/** Inflate, giving up as soon as the output passes `size`: the declared size is a promise held to. */
function inflateTo(data: Uint8Array, size: number): Unpacked {
  const out = new Uint8Array(size);
  let length = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over || length + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let at = 0; !over && at < data.length; at += STEP)
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch (e) {
    return { ok: false, reason: `its data is damaged (${e instanceof Error ? e.message : String(e)})` };
  }
  if (over) return { ok: false, reason: `it unpacks to more than the ${size} bytes it declares` };
  if (length !== size) return { ok: false, reason: `it unpacks to ${length} bytes, not the ${size} it declares` };
  return { ok: true, bytes: out };
}

/** One entry's bytes, unpacked to exactly its declared size or not at all. */
export function unpackEntry(bytes: Uint8Array, entry: ZipEntry): Unpacked {
  const { u16, u32 } = reader(bytes);
  const at = entry.localHeader;
  if (at < 0 || at + 30 > bytes.length || u32(at) !== LOCAL_HEADER)
    return { ok: false, reason: "its local header is missing" };
  const start = at + 30 + u16(at + 26) + u16(at + 28);
  if (start + entry.compressedSize > bytes.length) return { ok: false, reason: "its data is cut off" };
  if (entry.flags & ENCRYPTED) return { ok: false, reason: "it is encrypted: zip it again without a password" };
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0)
    return entry.compressedSize === entry.size
      ? { ok: true, bytes: data.slice() }
      : { ok: false, reason: "its stored size does not match its declared size" };
  if (entry.method === 8) return inflateTo(data, entry.size);
  return { ok: false, reason: `it is compressed with method ${entry.method}; zip it again with deflate, the default` };
}
