import { deflateSync, Zip, type ZipInputFile } from "fflate";

export interface ZipFile {
  path: string;
  mode: number;
  content: string;
}

/** S_IFREG: the mode field of a regular file; unzip ignores permission bits without it. */
const REGULAR_FILE = 0o100000;
/** APPNOTE 4.4.5: 0 = stored, 8 = deflate. */
const STORED = 0;
const DEFLATE = 8;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE), as zip stores it for each entry. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Compressed {
  data: Uint8Array;
  method: typeof STORED | typeof DEFLATE;
  size: number;
  crc: number;
}

/**
 * PEM is base64 of DER that is mostly keys and signatures: deflate gains ~20% on it and costs about
 * as much time as the rest of a fleet's bundle together, so PEM files are stored as they are.
 */
const isPem = (text: string) => text.startsWith("-----BEGIN ");

function compress(raw: Uint8Array, text: string): Compressed {
  const crc = crc32(raw);
  return isPem(text)
    ? { data: raw, method: STORED, size: raw.length, crc }
    : { data: deflateSync(raw, { level: 6 }), method: DEFLATE, size: raw.length, crc };
}

/**
 * A zip whose entries carry unix modes (made-by = Unix, mode in the external attributes), so
 * `unzip` restores private keys as 0600 rather than the umask's default.
 *
 * Each distinct content is compressed once: a fleet's bundle holds the same install.sh and CA file
 * in a thousand agent folders, and deflating each copy again was most of the time spent packaging.
 * (The zip still holds every copy: zip entries cannot share data.)
 */
export function zipFiles(files: readonly ZipFile[], mtime: Date): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const compressed = new Map<string, Compressed>();
  const seen = new Set<string>();
  for (const f of files) {
    // Case-insensitive file systems would merge two such entries; validation must have prevented it.
    if (seen.has(f.path.toLowerCase())) throw new Error(`failed to zip: ${f.path} appears twice (ignoring case)`);
    seen.add(f.path.toLowerCase());
    let c = compressed.get(f.content);
    if (!c) {
      c = compress(encoder.encode(f.content), f.content);
      compressed.set(f.content, c);
    }
    const entry: ZipInputFile = {
      filename: f.path,
      size: c.size,
      crc: c.crc,
      compression: c.method,
      os: 3,
      attrs: ((REGULAR_FILE | f.mode) << 16) >>> 0,
      mtime,
    };
    zip.add(entry);
    entry.ondata!(null, c.data as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
