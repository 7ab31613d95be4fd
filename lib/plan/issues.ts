/** A problem tied to one field, by its path ("backends.rows.b2.fqdn"), so the form can show it there. */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface StepCheck {
  /** Block Next/Generate. */
  errors: FieldIssue[];
  /** Shown beside the field; do not block. */
  warnings: FieldIssue[];
}

export function issuesFor(issues: readonly FieldIssue[], field: string): string[] {
  return issues.filter((i) => i.field === field).map((i) => i.message);
}
