import { parseSan, type San, sansCover } from "../pki/names";
import type { FieldIssue, StepCheck } from "../plan/issues";
import { backendSans } from "./check-backends";
import type { BackendRow, WizardInput } from "./model";

export const urlHostField = (row: BackendRow): string => `transport.urlHosts.${row.id}`;

/** The host agents and sensuctl dial for this backend: what the user typed, else its FQDN. */
export function urlHostText(input: WizardInput, row: BackendRow): string {
  const typed = input.transport.urlHosts[row.id]?.trim() ?? "";
  return typed === "" ? row.fqdn.trim() : typed;
}

export function resolveUrlHost(
  input: WizardInput,
  row: BackendRow,
): { ok: true; san: San } | { ok: false; message: string } {
  const parsed = parseSan(urlHostText(input, row));
  if (!parsed.ok) return parsed;
  const { sans } = backendSans(row);
  if (!sansCover(sans, parsed.san)) {
    const listed = sans.map((s) => s.value).join(", ");
    return {
      ok: false,
      message: `${parsed.san.value} is not in ${row.name.trim() || "this backend"}'s certificate (${listed}): agents would refuse the connection. Use one of those names, or add it on Backend certificates.`,
    };
  }
  return { ok: true, san: parsed.san };
}

export function checkTransport(input: WizardInput): StepCheck {
  const errors: FieldIssue[] = [];
  for (const row of input.backends.rows) {
    if (backendSans(row).errors.length > 0) continue; // reported on Backend certificates
    const host = resolveUrlHost(input, row);
    if (!host.ok) errors.push({ field: urlHostField(row), message: host.message });
  }
  return { errors, warnings: [] };
}
