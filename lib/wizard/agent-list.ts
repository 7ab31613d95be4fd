import type { AgentRow } from "./model";
import { MAX_AGENTS } from "./model";
import { agentNameProblem, type AgentNameRules, TOO_MANY_AGENTS } from "./parse-agents";

/** A line of a pasted or loaded list that names no usable agent, by its line number (1-based). */
export interface AgentListProblem {
  line: number;
  message: string;
}

export interface AgentList {
  /** The usable names, in the list's order. */
  names: string[];
  problems: AgentListProblem[];
}

/** Header cells that name the CN column; any other first row is data. */
const CN_HEADERS = ["cn", "name", "common name", "commonname", "common_name"];

/** One CSV record's cells (RFC 4180 quoting: "a ""quoted"", cell"), spaces around cells dropped. */
function csvCells(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (c === separator) {
      cells.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * Agent names from a list: one CN per line, or a CSV whose column named cn or name (else the first)
 * holds them, a header row recognised. Empty lines and # comments are skipped. Each line is checked
 * by the Agents step's own rule, so a bad one is named by its line number with the same reason, and
 * the good ones are kept. `csv` forces CSV reading (a .csv file); otherwise a comma, semicolon or tab
 * means CSV.
 */
export function readAgentList(text: string, rules: AgentNameRules, csv = false): AgentList {
  // A spreadsheet's export may start with a byte-order mark and separate cells with ; or a tab.
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const separator = [",", ";", "\t"].find((sep) => lines.some((l) => l.includes(sep)));
  const asCsv = csv || separator !== undefined;
  const cellsOf = (line: string) => csvCells(line, separator ?? ",");
  let column = 0;
  let headerLine = -1;
  const first = lines.findIndex((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  // A one-column list may start with a header too: the CSV download writes one.
  if (first >= 0) {
    const header = (asCsv ? cellsOf(lines[first] ?? "") : [(lines[first] ?? "").trim()]).map((c) => c.toLowerCase());
    const named = header.findIndex((c) => CN_HEADERS.includes(c));
    if (named >= 0) {
      column = named;
      headerLine = first;
    }
  }
  const names: string[] = [];
  const problems: AgentListProblem[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of lines.entries()) {
    if (i === headerLine || raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
    const cn = asCsv ? (cellsOf(raw)[column] ?? "") : raw.trim();
    if (names.length === MAX_AGENTS) {
      problems.push({ line: i + 1, message: TOO_MANY_AGENTS });
      break;
    }
    const problem = cn === "" ? "No name in this line's CN column." : agentNameProblem(cn, seen, rules);
    if (problem) problems.push({ line: i + 1, message: problem });
    else {
      names.push(cn);
      seen.add(cn.toLowerCase());
    }
  }
  return { names, problems };
}

/**
 * One CSV cell. Valid CNs pass unchanged; a row still being fixed may hold anything, so quotes,
 * commas and line breaks are quoted, and a leading = + - @ is neutralised with an apostrophe, as
 * spreadsheets would otherwise run it as a formula.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The agents as a CSV to keep or edit elsewhere and load again. */
export function agentListCsv(rows: readonly AgentRow[]): string {
  return ["cn", ...rows.map((r) => csvCell(r.commonName))].join("\n") + "\n";
}
