import { sanKey, splitList } from "../pki/names";
import type { FieldIssue } from "../plan/issues";
import type { WizardInput } from "./model";
import { backendField, type BackendsValue } from "./parse-backends";
import type { StepParse } from "./step-parse";

export interface EtcdValue {
  token: string;
  state: "new" | "existing";
}

export const memberField = (id: string): string => `etcd.members.${id}`;
/** etcd's own limit is loose; this keeps the token safe in YAML, flags and logs. */
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Each backend is an etcd member named after its unqualified name. Problems with those names are
 * fixed on Backend certificates, but they are repeated here, at the member, so this step explains
 * why it cannot go on.
 */
export function parseEtcd(input: WizardInput, backends: BackendsValue): StepParse<EtcdValue> {
  const errors: FieldIssue[] = [];
  const token = input.etcd.clusterToken.trim();
  if (!TOKEN.test(token)) {
    errors.push({
      field: "etcd.clusterToken",
      message:
        token === ""
          ? "Enter a cluster token: it keeps this cluster's members from joining another."
          : "Use 1 to 64 letters, digits, dots, hyphens or underscores, starting with a letter or digit.",
    });
  }
  const rows = input.backends.rows;
  const seen = new Map<string, string>();
  for (const { row, sans, errors: rowErrors } of backends.rows) {
    const name = row.name.trim();
    const nameError = rowErrors.find((e) => e.field === backendField(row, "name"));
    if (nameError)
      errors.push({
        field: memberField(row.id),
        message: `Member name: ${nameError.message} Fix it on Backend certificates.`,
      });
    const dup = seen.get(name.toLowerCase());
    if (name && dup !== undefined)
      errors.push({
        field: memberField(row.id),
        message: `Two members are named "${name}": etcd-initial-cluster needs unique names. Rename one on Backend certificates.`,
      });
    seen.set(name.toLowerCase(), row.id);
    if (rows.length > 1 && splitList(row.ips).length === 0) {
      errors.push({
        field: memberField(row.id),
        message: `${name || "This member"} has no IP address: cluster members advertise https://IP:2380. Add it on Backend certificates.`,
      });
    }
    if (rows.length === 1 && !rowErrors.length && !sans.some((s) => sanKey(s) === "dns:localhost")) {
      errors.push({
        field: memberField(row.id),
        message:
          "A single backend's etcd listens on https://localhost:2379 and dials it with this certificate, which does not name localhost. Add localhost on Backend certificates.",
      });
    }
  }
  return { value: { token, state: input.etcd.clusterState }, errors, warnings: [] };
}
