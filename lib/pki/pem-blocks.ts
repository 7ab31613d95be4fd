import { isSingleElement } from "./der";

/** What a PEM block holds, from its label (and, for old-style keys, its Proc-Type header). */
export type PemKind =
  "certificate" | "private-key" | "encrypted-private-key" | "csr" | "ec-parameters" | "crl" | "public-key";

export interface PemBlock {
  /** The text between "-----BEGIN " and "-----", e.g. "RSA PRIVATE KEY". */
  label: string;
  kind: PemKind;
  /** RFC 1421 headers such as Proc-Type and DEK-Info (old OpenSSL encrypted keys); usually empty. */
  headers: Record<string, string>;
  der: Uint8Array;
}

export type PemResult<T> = { ok: true; value: T } | { ok: false; message: string };

const KINDS: Record<string, PemKind> = {
  CERTIFICATE: "certificate",
  "X509 CERTIFICATE": "certificate",
  "PRIVATE KEY": "private-key",
  "RSA PRIVATE KEY": "private-key",
  "EC PRIVATE KEY": "private-key",
  "ENCRYPTED PRIVATE KEY": "encrypted-private-key",
  "CERTIFICATE REQUEST": "csr",
  "NEW CERTIFICATE REQUEST": "csr",
  "EC PARAMETERS": "ec-parameters",
  "X509 CRL": "crl",
  "PUBLIC KEY": "public-key",
  "RSA PUBLIC KEY": "public-key",
};

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

const BEGIN = /^-----BEGIN ([A-Z0-9 ]+)-----$/;
const END = /^-----END ([A-Z0-9 ]+)-----$/;
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

/**
 * Split pasted text into PEM blocks. Anything but blank lines outside a block is refused, and so is
 * anything that is not base64 inside one: a half-copied file must not be taken for a whole one.
 * `what` names the text in messages ("the CA certificate").
 */
export function parsePemBlocks(text: string, what = "the pasted text"): PemResult<PemBlock[]> {
  // `cat a.pem b.pem` glues "-----END …----------BEGIN …" when a.pem lacks its final newline.
  const unglued = text.replace(/\r\n?/g, "\n").replace(/(-----END [A-Z0-9 ]+-----)(?=-----BEGIN )/g, "$1\n");
  const lines = unglued.split("\n").map((l) => l.trim());
  const blocks: PemBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const lineNo = i + 1;
    i++;
    if (line === "") continue;
    const begin = BEGIN.exec(line);
    if (!begin) {
      return {
        ok: false,
        message: `Line ${lineNo} of ${what} ("${excerpt(line)}") is outside any -----BEGIN …----- / -----END …----- block. Paste only the PEM blocks (for \`openssl x509 -text\` output, copy from the -----BEGIN line on).`,
      };
    }
    const label = begin[1] ?? "";
    const kindFromLabel = KINDS[label];
    if (!kindFromLabel) {
      const hint =
        label === "OPENSSH PRIVATE KEY"
          ? " Convert it with `openssl pkey -in KEY -out key.pem` after `ssh-keygen -p -m PEM -f KEY`."
          : "";
      return {
        ok: false,
        message: `Block ${blocks.length + 1} of ${what} is a "${label}", which the wizard does not read: expected a CERTIFICATE, a PRIVATE KEY or a CERTIFICATE REQUEST.${hint}`,
      };
    }
    const headers: Record<string, string> = {};
    let body = "";
    let closed = false;
    let inHeaders = true;
    while (i < lines.length) {
      const inner = lines[i] ?? "";
      const innerNo = i + 1;
      i++;
      const end = END.exec(inner);
      if (end) {
        if (end[1] !== label)
          return {
            ok: false,
            message: `Block ${blocks.length + 1} of ${what} begins as "${label}" but ends as "${end[1]}" (line ${innerNo}): two files were pasted into each other.`,
          };
        closed = true;
        break;
      }
      if (BEGIN.test(inner))
        return {
          ok: false,
          message: `Block ${blocks.length + 1} of ${what} (${label}) has no -----END ${label}----- line before the next -----BEGIN (line ${innerNo}): the block was cut off.`,
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
          message: `Line ${innerNo} of ${what} ("${excerpt(inner)}") is inside the ${label} block but is not base64: the block was edited or two texts were mixed.`,
        };
      body += inner;
    }
    if (!closed)
      return {
        ok: false,
        message: `Block ${blocks.length + 1} of ${what} (${label}) has no -----END ${label}----- line: the text was cut off. Copy the whole file.`,
      };
    const encrypted = (headers["Proc-Type"] ?? "").includes("ENCRYPTED");
    const der = decodeBase64(body);
    if (!der || der.length === 0)
      return {
        ok: false,
        message: `Block ${blocks.length + 1} of ${what} (${label}) is ${der ? "empty" : "not valid base64 (a line is missing or was changed)"}.`,
      };
    // An encrypted PKCS#1 body is ciphertext, not DER; everything else must be one whole element.
    if (!encrypted && !isSingleElement(der))
      return {
        ok: false,
        message: `Block ${blocks.length + 1} of ${what} (${label}) is damaged: its contents end early or have extra bytes. Copy the whole file again.`,
      };
    blocks.push({ label, kind: encrypted ? "encrypted-private-key" : kindFromLabel, headers, der });
  }
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
