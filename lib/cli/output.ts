/**
 * Everything the command line prints goes through here. Private keys are never printed: a key
 * block in any message (a plan file with a key pasted into it, an error quoting a file) is cut
 * out before the text reaches the terminal or a log, whatever code path produced it.
 */
const KEY_BLOCK = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
export const KEY_REMOVED = "[a private key, not printed]";

export function withoutKeys(text: string): string {
  return text.replace(KEY_BLOCK, KEY_REMOVED);
}

export interface Output {
  /** The command's result: text, or JSON with --json. */
  out(text: string): void;
  /** Messages, warnings and progress. */
  err(text: string): void;
  /** Whether stderr is a terminal: progress is drawn only there. */
  errIsTty: boolean;
}

/** What the machine provides, wrapped so nothing bypasses the key filter. */
export function guardedOutput(write: {
  stdout(text: string): void;
  stderr(text: string): void;
  stderrIsTty: boolean;
}): Output {
  return {
    out: (text) => write.stdout(withoutKeys(text)),
    err: (text) => write.stderr(withoutKeys(text)),
    errIsTty: write.stderrIsTty,
  };
}

/** The JSON a command prints with --json: one document, keys filtered like everything else. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
