/** One section of RENEWAL.md and of the Renew step's runbook. */
export interface RunbookSection {
  title: string;
  paragraphs: string[];
  /** Shell commands, one per line; comments start with #. */
  commands?: string[];
}
