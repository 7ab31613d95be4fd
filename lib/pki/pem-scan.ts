/** What a PEM block holds, from its label (and, for old-style keys, its Proc-Type header). */
export type PemKind =
  "certificate" | "private-key" | "encrypted-private-key" | "csr" | "ec-parameters" | "crl" | "public-key";

/** The labels the wizard reads; any other label (OPENSSH PRIVATE KEY, PKCS7, …) is named and refused. */
const KINDS: Readonly<Record<string, PemKind>> = {
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

export function pemKind(label: string): PemKind | undefined {
  return Object.hasOwn(KINDS, label) ? KINDS[label] : undefined;
}

/** A block's label names a private key, encrypted or not. */
export function isPrivateKeyLabel(label: string): boolean {
  const kind = pemKind(label);
  return kind === "private-key" || kind === "encrypted-private-key";
}

export const beginMarker = (label: string) => `-----BEGIN ${label}-----`;
export const endMarker = (label: string) => `-----END ${label}-----`;

/** A label is capitals, digits and spaces, so it can never swallow the dashes of the next marker. */
const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/g;

/** Where one block lies in the scanned text. */
export interface PemSpan {
  /** The text between "-----BEGIN " and "-----", e.g. "RSA PRIVATE KEY". */
  label: string;
  /** Offset of the BEGIN marker. */
  start: number;
  /** Offset just after the BEGIN marker. */
  bodyStart: number;
  /** Offset of the END marker; the text's length when there is none. */
  bodyEnd: number;
  /** Offset just after the END marker; the text's length when there is none. */
  end: number;
  /** False when no END marker with the same label follows: the block runs to the end of the text. */
  closed: boolean;
}

/**
 * The one PEM block scanner: every reader of PEM text (the strict parsePemBlocks, certificateBlocks,
 * withoutPrivateKeys) finds its blocks here. A block runs from a BEGIN marker to the first END
 * marker with the same label, wherever on a line they are; a block without one runs to the end of
 * the text, so a key cut off by a bad copy is still seen as a key. Judging what lies between
 * blocks, or whether a marker sits alone on its line, is the caller's business.
 *
 * `accept` picks the labels to look for; BEGIN markers of other labels are passed over.
 */
export function scanPem(text: string, accept: (label: string) => boolean = () => true): PemSpan[] {
  const spans: PemSpan[] = [];
  const begin = new RegExp(BEGIN.source, "g");
  for (let match = begin.exec(text); match; match = begin.exec(text)) {
    const label = match[1] ?? "";
    if (!accept(label)) {
      // One character on, not past the marker: "-----BEGIN X -----BEGIN PRIVATE KEY-----" holds a key.
      begin.lastIndex = match.index + 1;
      continue;
    }
    const bodyStart = match.index + match[0].length;
    const found = text.indexOf(endMarker(label), bodyStart);
    const closed = found >= 0;
    const bodyEnd = closed ? found : text.length;
    const end = closed ? found + endMarker(label).length : text.length;
    spans.push({ label, start: match.index, bodyStart, bodyEnd, end, closed });
    if (!closed) break;
    begin.lastIndex = end;
  }
  return spans;
}
