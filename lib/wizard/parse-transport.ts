import { parseSan, type San, sansCover } from "../pki/names";
import type { FieldIssue } from "../plan/issues";
import type { BackendRow, WizardInput } from "./model";
import type { BackendsValue, ParsedBackendRow } from "./parse-backends";
import type { StepParse } from "./step-parse";

export interface TransportValue {
  /** The host agents (wss) and sensuctl (https) dial for each backend, in row order; null where it does not parse. */
  urlHosts: (San | null)[];
}

export const urlHostField = (row: BackendRow): string => `transport.urlHosts.${row.id}`;

/** The host agents and sensuctl dial for this backend: what the user typed, else its FQDN. */
function urlHostText(input: WizardInput, row: BackendRow): string {
  const typed = input.transport.urlHosts[row.id]?.trim() ?? "";
  return typed === "" ? row.fqdn.trim() : typed;
}

function parseUrlHost(
  input: WizardInput,
  { row, sans }: ParsedBackendRow,
): { ok: true; san: San } | { ok: false; message: string } {
  const parsed = parseSan(urlHostText(input, row));
  if (!parsed.ok) return parsed;
  if (!sansCover(sans, parsed.san)) {
    const listed = sans.map((s) => s.value).join(", ");
    return {
      ok: false,
      message: `${parsed.san.value} is not in ${row.name.trim() || "this backend"}'s certificate (${listed}): agents would refuse the connection. Use one of those names, or add it on Backend certificates.`,
    };
  }
  return { ok: true, san: parsed.san };
}

export function parseTransport(input: WizardInput, backends: BackendsValue): StepParse<TransportValue> {
  const errors: FieldIssue[] = [];
  const urlHosts = backends.rows.map((b) => {
    const host = parseUrlHost(input, b);
    // A backend whose own names are broken is reported on Backend certificates.
    if (!host.ok && b.errors.length === 0) errors.push({ field: urlHostField(b.row), message: host.message });
    return host.ok ? host.san : null;
  });
  return { value: { urlHosts }, errors, warnings: [] };
}
