/**
 * A problem with one sudoers input, named by the wizard's field path ("assets.choices.0.commands")
 * so the form can show it there. The same shape as the wizard's FieldIssue, which sits above.
 */
export interface SudoersIssue {
  field: string;
  message: string;
}
