import type { FieldIssue } from "../plan/issues";
import type { WizardInput } from "../wizard/model";

/**
 * A field as the plan file names it, for messages: the wizard keys rows by id
 * ("backends.rows.b2.ips"), the plan file lists them ("backends[1].ips", counted from 0).
 * A CA loaded from the command line is named by its option.
 */
export function planFieldName(
  field: string,
  input: WizardInput,
  options: Readonly<Record<string, string>> = {},
): string {
  const option = options[field];
  if (option) return option;
  const index = (rows: readonly { id: string }[], id: string | undefined) => rows.findIndex((r) => r.id === id);
  const [section, list, id, ...rest] = field.split(".");
  const tail = rest.length > 0 ? `.${rest.join(".")}` : "";
  if ((section === "backends" || section === "agents") && list === "rows" && id !== undefined) {
    const i = index(input[section].rows, id);
    if (i !== -1) return `${section}[${i}]${tail}`;
  }
  // The etcd step repeats a backend's problems at its member: the member is that backend row.
  if (section === "etcd" && list === "members") {
    const i = index(input.backends.rows, id);
    if (i !== -1) return `backends[${i}] (etcd member)`;
  }
  if (section === "assets" && list === "choices" && id !== undefined && /^\d+$/.test(id))
    return `assets.choices[${id}]${tail}`;
  return field;
}

/** Each issue once, named by its plan field, in the order the wizard checks them. */
export function planIssues(
  issues: readonly FieldIssue[],
  input: WizardInput,
  options: Readonly<Record<string, string>> = {},
): FieldIssue[] {
  const seen = new Set<string>();
  return issues
    .map((i) => ({ field: planFieldName(i.field, input, options), message: i.message }))
    .filter((i) => {
      const key = `${i.field}\u0000${i.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A problem for the terminal: "field: message", or the message alone. */
export const issueLine = (issue: { field?: string; message: string }): string =>
  issue.field ? `${issue.field}: ${issue.message}` : issue.message;
