import type { CertView } from "../pki/der-certificate";
import { fingerprintOfDer } from "../pki/sha256-sync";
import { AGENT_INDEX_PATH, agentDir } from "../plan/file-names";

/** agents/index.csv: a fleet's certificates in one table, for a spreadsheet or a script. */
export const AGENT_INDEX_PURPOSE =
  "Every agent certificate: CN, serial, expiry, SHA-256 fingerprint and its folder in this zip (CSV).";

export interface AgentIndexRow {
  serial: string;
  notAfter: Date;
  fingerprint: string;
}

/** Synchronous SHA-256 (sha256-sync.ts), so the manifest that imports this file stays free of x509's runtime. */
export function agentIndexRow(cert: CertView): AgentIndexRow {
  return { serial: cert.serialNumber, notAfter: cert.notAfter, fingerprint: fingerprintOfDer(cert.rawData) };
}

/**
 * One CSV field. Quoted when it holds a comma, quote or line break (RFC 4180); a leading = + - @
 * tab or CR is prefixed with ' so a spreadsheet shows it as text rather than running it as a
 * formula. CNs are already held to host-name characters: this is the file's own guarantee.
 */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function agentIndexCsv(commonNames: readonly string[], rows: ReadonlyMap<string, AgentIndexRow>): string {
  const lines = [["cn", "serial", "not_after", "sha256_fingerprint", "folder"].join(",")];
  for (const cn of commonNames) {
    const row = rows.get(cn);
    if (!row) throw new Error(`failed to build ${AGENT_INDEX_PATH}: nothing was issued for ${cn}`);
    const fields = [cn, row.serial, row.notAfter.toISOString(), row.fingerprint, `${agentDir(cn)}/`];
    lines.push(fields.map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
