import {
  type CaNameConstraints,
  commonNameAsDns,
  nameConstraintProblem,
  subjectConstraintProblem,
} from "../pki/name-constraints";
import { parseSan, type San, sanKey, splitList } from "../pki/names";
import type { FieldIssue } from "../plan/issues";
import type { BackendRow } from "./model";

/**
 * The plan's names held to the name constraints of the CA that signs them: each refused at the
 * field that holds it, quoting the constraint, before anything is issued or sent to be signed.
 */

/** Constraints of the CAs that sign one role's certificates; empty when none of them has any. */
export type IssuerConstraints = readonly CaNameConstraints[];

/** The first constraint that refuses `name`, or null. */
export function constraintProblem(name: San, constraints: IssuerConstraints): string | null {
  for (const nc of constraints) {
    const problem = nameConstraintProblem(name, nc);
    if (problem) return problem;
  }
  return null;
}

/** Problems with the subject the wizard issues (a CN only), for the CA certificate's own field. */
export function subjectProblems(constraints: IssuerConstraints): string[] {
  return constraints.flatMap((nc) => subjectConstraintProblem(nc) ?? []);
}

const refusal = (value: string, problem: string) =>
  `"${value}" cannot be in this certificate: ${problem}. openssl verify and Go would refuse it; use a name the CA may sign, or another CA.`;

type BackendField = keyof Omit<BackendRow, "id">;

/** Where each of a row's names was typed, the first field holding it winning. */
function nameFields(row: BackendRow): Map<string, { field: BackendField; text: string }> {
  const fields = new Map<string, { field: BackendField; text: string }>();
  const add = (field: BackendField, text: string) => {
    const parsed = parseSan(text);
    if (parsed.ok && !fields.has(sanKey(parsed.san))) fields.set(sanKey(parsed.san), { field, text });
  };
  add("fqdn", row.fqdn.trim());
  add("name", row.name.trim());
  for (const e of splitList(row.ips)) add("ips", e);
  for (const e of splitList(row.extraNames)) add("extraNames", e);
  return fields;
}

export interface ConstrainedRow {
  sans: San[];
  errors: { field: BackendField; message: string }[];
  warnings: { field: BackendField; message: string }[];
}

/**
 * A backend's names under its CA's constraints. The unqualified name is a convenience SAN the
 * wizard adds itself, and the row cannot do without it (the etcd member and folder name): when the
 * CA may not sign it, it is left out of the certificate with a warning instead of blocking the row.
 */
export function constrainBackendRow(
  row: BackendRow,
  sans: readonly San[],
  constraints: IssuerConstraints,
): ConstrainedRow {
  const out: ConstrainedRow = { sans: [], errors: [], warnings: [] };
  const fields = nameFields(row);
  for (const san of sans) {
    const problem = constraintProblem(san, constraints);
    const at = fields.get(sanKey(san));
    if (!problem || !at) out.sans.push(san);
    else if (at.field === "name")
      out.warnings.push({
        field: "name",
        message: `Left out of the certificate's names: ${problem}. Clients that dial ${san.value} alone will fail verification; they can use the FQDN.`,
      });
    else out.errors.push({ field: at.field, message: refusal(at.text, problem) });
  }
  return out;
}

/** An agent's CN, where OpenSSL would check it as a host name (agents carry no SANs). */
export function agentCnProblem(cn: string, constraints: IssuerConstraints): string | null {
  const dns = commonNameAsDns(cn);
  const problem = dns ? constraintProblem({ kind: "dns", value: dns }, constraints) : null;
  // OpenSSL reads a dotted CN as a host name, so the refusal applies though agents carry no SANs.
  return problem ? refusal(cn, problem) : null;
}

/** The web UI certificate's names, at their one field. */
export function dashboardProblems(sans: readonly San[], constraints: IssuerConstraints): FieldIssue[] {
  return sans.flatMap((san) => {
    const problem = constraintProblem(san, constraints);
    return problem ? [{ field: "api.dashboardNames", message: refusal(san.value, problem) }] : [];
  });
}
