import { isSingleElement } from "./der";
import { beginMarker, endMarker, type PemKind, pemKind, type PemSpan, scanPem } from "./pem-scan";

export interface PemBlock {
  /** The text between "-----BEGIN " and "-----", e.g. "RSA PRIVATE KEY". */
  label: string;
  kind: PemKind;
  /** RFC 1421 headers such as Proc-Type and DEK-Info (old OpenSSL encrypted keys); usually empty. */
  headers: Record<string, string>;
  der: Uint8Array;
}

export type PemResult<T> = { ok: true; value: T } | { ok: false; message: string };

const KIND_NAMES: Record<PemKind, string> = {
  certificate: "a certificate",
  "private-key": "a private key",
  "encrypted-private-key": "an encrypted private key",
  csr: "a certificate signing request (CSR)",
  "ec-parameters": "EC parameters",
  crl: "a certificate revocation list (CRL)",
  "public-key": "a public key",
};

export function kindName(kind: PemKind): string {
  return KIND_NAMES[kind];
}

const BEGIN_LINE = /^-----BEGIN ([A-Z0-9 ]+)-----$/;
const END_LINE = /^-----END ([A-Z0-9 ]+)-----$/;
const HEADER = /^([A-Za-z0-9-]+):\s*(.*)$/;
const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;

function excerpt(line: string): string {
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The index of the line an offset of `text` falls on. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
}

type Failure = { ok: false; message: string };

/**
 * One block found by the scanner, read line by line: headers, then base64 only. `lines` are the
 * trimmed lines of the text; the block's BEGIN line is `beginLine`.
 */
function readBlock(
  lines: readonly string[],
  span: PemSpan,
  beginLine: number,
  endLine: number,
  n: number,
  what: string,
): PemResult<PemBlock> {
  const { label } = span;
  const kindFromLabel = pemKind(label);
  if (!kindFromLabel) {
    const hint =
      label === "OPENSSH PRIVATE KEY"
        ? " Convert it with `openssl pkey -in KEY -out key.pem` after `ssh-keygen -p -m PEM -f KEY`."
        : "";
    return {
      ok: false,
      message: `Block ${n} of ${what} is a "${label}", which the wizard does not read: expected a CERTIFICATE, a PRIVATE KEY or a CERTIFICATE REQUEST.${hint}`,
    };
  }
  // An END marker with more on its line is no end: the line is read as one more body line, which fails.
  const closed = span.closed && lines[endLine] === endMarker(label);
  const bodyEnd = span.closed && !closed ? endLine + 1 : endLine;
  const headers: Record<string, string> = {};
  let body = "";
  let inHeaders = true;
  for (let i = beginLine + 1; i < bodyEnd; i++) {
    const inner = lines[i] ?? "";
    const end = END_LINE.exec(inner);
    if (end)
      return {
        ok: false,
        message: `Block ${n} of ${what} begins as "${label}" but ends as "${end[1]}" (line ${i + 1}): two files were pasted into each other.`,
      };
    if (BEGIN_LINE.test(inner))
      return {
        ok: false,
        message: `Block ${n} of ${what} (${label}) has no -----END ${label}----- line before the next -----BEGIN (line ${i + 1}): the block was cut off.`,
      };
    const header = inHeaders ? HEADER.exec(inner) : null;
    if (header) {
      headers[header[1] ?? ""] = header[2] ?? "";
      continue;
    }
    inHeaders = false;
    if (inner === "") continue;
    if (!BASE64_LINE.test(inner))
      return {
        ok: false,
        message: `Line ${i + 1} of ${what} ("${excerpt(inner)}") is inside the ${label} block but is not base64: the block was edited or two texts were mixed.`,
      };
    body += inner;
  }
  if (!closed)
    return {
      ok: false,
      message: `Block ${n} of ${what} (${label}) has no -----END ${label}----- line: the text was cut off. Copy the whole file.`,
    };
  const encrypted = (headers["Proc-Type"] ?? "").includes("ENCRYPTED");
  const der = decodeBase64(body);
  if (!der || der.length === 0)
    return {
      ok: false,
      message: `Block ${n} of ${what} (${label}) is ${der ? "empty" : "not valid base64 (a line is missing or was changed)"}.`,
    };
  // An encrypted PKCS#1 body is ciphertext, not DER; everything else must be one whole element.
  if (!encrypted && !isSingleElement(der))
    return {
      ok: false,
      message: `Block ${n} of ${what} (${label}) is damaged: its contents end early or have extra bytes. Copy the whole file again.`,
    };
  return { ok: true, value: { label, kind: encrypted ? "encrypted-private-key" : kindFromLabel, headers, der } };
}

/**
 * Split pasted text into PEM blocks. Anything but blank lines outside a block is refused, and so is
 * anything that is not base64 inside one: a half-copied file must not be taken for a whole one.
 * `what` names the text in messages ("the CA certificate").
 */
export function parsePemBlocks(text: string, what = "the pasted text"): PemResult<PemBlock[]> {
  // `cat a.pem b.pem` glues "-----END …----------BEGIN …" when a.pem lacks its final newline.
  const unglued = text.replace(/\r\n?/g, "\n").replace(/(-----END [A-Z0-9 ]+-----)(?=-----BEGIN )/g, "$1\n");
  const lines = unglued.split("\n").map((l) => l.trim());
  const lineOf = lineFinder(unglued);
  const outside = (i: number): Failure => ({
    ok: false,
    message: `Line ${i + 1} of ${what} ("${excerpt(lines[i] ?? "")}") is outside any -----BEGIN …----- / -----END …----- block. Paste only the PEM blocks (for \`openssl x509 -text\` output, copy from the -----BEGIN line on).`,
  });
  const strayLine = (from: number, to: number) => lines.slice(from, to).findIndex((l) => l !== "");
  const blocks: PemBlock[] = [];
  let next = 0;
  for (const span of scanPem(unglued)) {
    const beginLine = lineOf(span.start);
    const stray = strayLine(next, beginLine);
    if (stray >= 0) return outside(next + stray);
    // A marker shares its line with nothing: "Certificate: -----BEGIN …" is a half-copied text.
    if (lines[beginLine] !== beginMarker(span.label)) return outside(beginLine);
    const endLine = span.closed ? lineOf(span.bodyEnd) : lines.length;
    const block = readBlock(lines, span, beginLine, endLine, blocks.length + 1, what);
    if (!block.ok) return block;
    blocks.push(block.value);
    next = endLine + 1;
  }
  const stray = strayLine(next, lines.length);
  if (stray >= 0) return outside(next + stray);
  if (blocks.length === 0)
    return {
      ok: false,
      message: `${capitalize(what)} holds no PEM block: paste the file's text, which starts with -----BEGIN.`,
    };
  return { ok: true, value: blocks };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Count blocks by kind, for messages such as "holds 2 certificates". */
export function countKinds(blocks: readonly PemBlock[]): Partial<Record<PemKind, number>> {
  const counts: Partial<Record<PemKind, number>> = {};
  for (const b of blocks) counts[b.kind] = (counts[b.kind] ?? 0) + 1;
  return counts;
}

/** "a certificate and a private key" — what the text holds, for "expected X, found Y" messages. */
export function describeBlocks(blocks: readonly PemBlock[]): string {
  const parts = Object.entries(countKinds(blocks)).map(([kind, n]) =>
    n === 1 ? kindName(kind as PemKind) : `${n} × ${kindName(kind as PemKind).replace(/^an? /, "")}`,
  );
  return parts.length <= 1
    ? (parts[0] ?? "nothing")
    : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
