import type { Progress } from "../bundle/issue-all";

const WIDTH = 24;
/** A terminal line's worth: a long label is cut so the next redraw covers the whole line. */
const LINE = 71;

/**
 * One progress line for a terminal: redrawn in place with a carriage return, cleared at the end.
 * Only drawn when stderr is a terminal; a pipe or a CI log gets the summary alone.
 */
export function progressLine(p: Progress): string {
  const filled = p.total > 0 ? Math.round((p.done / p.total) * WIDTH) : 0;
  const bar = `${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}`;
  return `\r${`[${bar}] ${p.done}/${p.total} ${p.label}`.slice(0, LINE).padEnd(LINE)}`;
}

export const CLEAR_LINE = `\r${" ".repeat(LINE)}\r`;
