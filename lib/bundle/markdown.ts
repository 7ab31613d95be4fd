/**
 * Writing user values into the bundle's Markdown (README.md, RENEWAL.md, the CSR bundle's README).
 * Repository viewers and wikis render Markdown, many with HTML allowed, so a CA named
 * `<img src=x onerror=alert(1)>` written as it is becomes an element. Every value a user typed or
 * loaded goes through one of these: a code span for names, paths and URLs, escaped text for prose
 * that carries a value, a fence for commands; table rows escape their cell separators.
 */

/** Line breaks and other control characters: a value is one line wherever it lands in Markdown. */
const BREAKS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

const oneLine = (value: string) => value.replace(BREAKS, " ");

/**
 * A code span holding the value literally: inside one, Markdown and HTML are not interpreted. The
 * fence is one backtick longer than the longest run inside, and a value that starts or ends with a
 * backtick or a space is padded, as CommonMark strips one space from each side.
 */
export function code(value: string): string {
  const text = oneLine(value);
  if (text === "") return "";
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Prose with a value in it, escaped so it renders as the same text: every character Markdown or
 * HTML could read as markup gets a backslash (CommonMark lets any ASCII punctuation be escaped).
 * `|` is left to `row`, which escapes it in tables, where alone it matters.
 */
export function text(value: string): string {
  return oneLine(value).replace(/[\\`*_[\]<>&!~#]/g, (c) => `\\${c}`);
}

/** A table row of cells already written as Markdown: a `|` inside any of them stays inside its cell. */
export function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
}

/**
 * A fenced code block: no line of the commands can close it, as the fence is longer than any run
 * of backticks they hold.
 */
export function fence(lang: string, lines: readonly string[]): string[] {
  const longest = Math.max(2, ...lines.flatMap((l) => (l.match(/`+/g) ?? []).map((run) => run.length)));
  const marks = "`".repeat(longest + 1);
  return [`${marks}${lang}`, ...lines.flatMap((l) => l.split(/\r\n|\r|\n/)), marks];
}
