import { dump } from "js-yaml";

// The two forms sensuctl reads: YAML documents separated by `---`, and JSON objects one after
// another (one object alone is plain JSON, as the guide shows it).

/** `---` before each document, no line folding (a folded command would still parse, but reads worse). */
export function toYamlDocuments(objects: readonly object[]): string {
  return objects.map((o) => `---\n${dump(o, { lineWidth: -1, noRefs: true })}`).join("");
}

/** Each object as indented JSON, one after another: what `sensuctl create -f` accepts. */
export function toJsonDocuments(objects: readonly object[]): string {
  return objects.map((o) => `${JSON.stringify(o, null, 2)}\n`).join("");
}
