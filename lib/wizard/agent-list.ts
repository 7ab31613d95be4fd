/**
 * A list of agent certificate names as operators keep them: one per line, or a CSV export with a
 * header naming the column (cn, common name, commonName, common_name, name). Blank lines and
 * lines starting with # are skipped. The names are checked by the Agents step like typed ones.
 */
export type AgentListResult = { ok: true; commonNames: string[] } | { ok: false; message: string };

const HEADER = /^(cn|common[ _]?name|name)$/i;

/** One CSV record's cells (RFC 4180 quoting), or the reason it cannot be read. */
function cells(line: string, separator: string): string[] | string {
  const out: string[] = [];
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
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === separator) {
      out.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  if (quoted) return "a quoted cell is not closed";
  out.push(cell.trim());
  return out;
}

export function parseAgentList(text: string): AgentListResult {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== "" && !line.startsWith("#"));
  const [first] = lines;
  if (!first) return { ok: false, message: "The list holds no agent name: put one certificate CN per line." };
  const separator = [",", ";", "\t"].find((s) => first.line.includes(s));
  if (!separator) return { ok: true, commonNames: lines.map((l) => l.line) };
  const rows: string[][] = [];
  for (const { line, number } of lines) {
    const row = cells(line, separator);
    if (typeof row === "string") return { ok: false, message: `Line ${number}: ${row}.` };
    rows.push(row);
  }
  const header = rows[0] ?? [];
  const named = header.findIndex((h) => HEADER.test(h));
  const column = named === -1 ? 0 : named;
  const body = named === -1 ? rows : rows.slice(1);
  // A row with every cell empty is spacing; an empty name in a row with data is a mistake the Agents step shows.
  const commonNames = body.filter((r) => r.some((c) => c !== "")).map((r) => r[column] ?? "");
  if (commonNames.length === 0)
    return {
      ok: false,
      message: `The list holds no agent name in its ${named === -1 ? "first" : `"${header[named]}"`} column.`,
    };
  return { ok: true, commonNames };
}
