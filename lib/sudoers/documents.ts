// Pasted or dropped definitions come as YAML (one or many `---` documents) or JSON (one object, an
// array of objects, or sensuctl's stream of objects), the forms Sensu and Bonsai publish. Each document is parsed on its own so
// that one broken document does not hide the good ones around it.

/** js-yaml's load, given by the caller (lib/sudoers/yaml-reader.ts): the page loads it only once YAML is typed. */
export type YamlLoad = (text: string) => unknown;

/** Reported for YAML given before the page has loaded the YAML reader: the step is still checking, not valid. */
export const YAML_READER_LOADING = "the YAML reader is still loading";

export interface SourceDocument {
  /** 1-based position among the documents of this text, as a person would count them. */
  index: number;
  /** "document 2" or "assets.yml, document 2": how messages name it. */
  label: string;
  value: unknown;
}

export interface DocumentError {
  index: number;
  label: string;
  message: string;
}

export interface SplitDocuments {
  documents: SourceDocument[];
  errors: DocumentError[];
}

/** Longest text accepted: far beyond any asset definition, small enough to parse in a blink. */
export const MAX_TEXT = 2_000_000;

const firstLine = (message: string) => message.split("\n")[0]?.trim() ?? message;

function labelOf(source: string | undefined, index: number): string {
  return source ? `${source}, document ${index}` : `document ${index}`;
}

/** Splits YAML into documents at `---` lines; a `---` line inside a block scalar is indented, so never matches. */
function yamlChunks(text: string): string[] {
  const chunks: string[][] = [[]];
  for (const line of text.split(/\r?\n/)) {
    if (/^---(\s|$)/.test(line)) {
      chunks.push([line.slice(3)]);
    } else if (/^\.\.\.\s*$/.test(line)) {
      chunks.push([]);
    } else {
      chunks[chunks.length - 1]?.push(line);
    }
  }
  return chunks.map((lines) => lines.join("\n")).filter((chunk) => !/^(\s*(#.*)?\n?)*$/.test(chunk));
}

/**
 * Splits sensuctl's JSON stream (objects one after another, as `sensuctl dump` writes them) into the
 * text of each top-level value. A single object or array comes back as one piece.
 */
export function jsonPieces(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      if (depth === 0) return [text];
    } else if (c === "{" || c === "[") {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === "}" || c === "]") {
      depth -= 1;
      if (depth === 0 && start >= 0) {
        pieces.push(text.slice(start, i + 1));
        start = -1;
      }
    } else if (depth === 0 && !/\s/.test(c ?? "")) return [text];
  }
  if (depth !== 0 || pieces.length === 0) return [text];
  return pieces;
}

/**
 * Parses `text` (YAML or JSON) into documents; an array at the top level counts as one document per
 * item. JSON needs no YAML reader; YAML without one is reported as still loading.
 */
export function splitDocumentsWith(loadYaml: YamlLoad | null, text: string, source?: string): SplitDocuments {
  const out: SplitDocuments = { documents: [], errors: [] };
  let index = 0;
  const add = (value: unknown) => {
    for (const item of Array.isArray(value) ? value : [value]) {
      index += 1;
      out.documents.push({ index, label: labelOf(source, index), value: item });
    }
  };
  const fail = (message: string) => {
    index += 1;
    out.errors.push({ index, label: labelOf(source, index), message });
  };
  if (text.length > MAX_TEXT) {
    fail(`the text is ${text.length} characters; at most ${MAX_TEXT} are accepted`);
    return out;
  }
  const trimmed = text.trim();
  if (trimmed === "") return out;
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    for (const piece of jsonPieces(trimmed)) {
      try {
        add(JSON.parse(piece));
      } catch (e) {
        fail(`failed to parse JSON: ${firstLine((e as Error).message)}`);
      }
    }
    return out;
  }
  if (!loadYaml) {
    fail(YAML_READER_LOADING);
    return out;
  }
  for (const chunk of yamlChunks(text)) {
    try {
      const value = loadYaml(chunk);
      if (value !== null && value !== undefined) add(value);
    } catch (e) {
      fail(`failed to parse YAML: ${firstLine((e as Error).message)}`);
    }
  }
  return out;
}
