import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { jsonPieces, splitDocumentsWith, YAML_READER_LOADING } from "./documents";
import { splitDocuments } from "./yaml-reader";

describe("splitDocuments", () => {
  it("reads JSON without the YAML reader, and reports YAML as still loading until the page has it", () => {
    assert.deepEqual(
      splitDocumentsWith(null, '{"a": 1}').documents.map((d) => d.value),
      [{ a: 1 }],
    );
    const pending = splitDocumentsWith(null, "a: 1\n", "assets.yml");
    assert.deepEqual(pending.documents, []);
    assert.deepEqual(
      pending.errors.map((e) => e.message),
      [YAML_READER_LOADING],
    );
  });

  it("numbers YAML documents and keeps the good ones around a broken one", () => {
    const r = splitDocuments("---\na: 1\n---\nb: [unclosed\n---\nc: 3\n", "assets.yml");
    assert.deepEqual(
      r.documents.map((d) => [d.index, d.label, d.value]),
      [
        [1, "assets.yml, document 1", { a: 1 }],
        [3, "assets.yml, document 3", { c: 3 }],
      ],
    );
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]?.label, "assets.yml, document 2");
    assert.match(r.errors[0]?.message ?? "", /^failed to parse YAML/);
  });

  it("skips empty and comment-only documents and the ... end marker", () => {
    const r = splitDocuments("# header\n---\n---\na: 1\n...\n# trailing comment\n");
    assert.deepEqual(
      r.documents.map((d) => d.value),
      [{ a: 1 }],
    );
    assert.equal(r.errors.length, 0);
  });

  it("does not split at an indented --- inside a block scalar", () => {
    const r = splitDocuments("a: |\n  x\n  ---\n  y\n");
    assert.deepEqual(
      r.documents.map((d) => d.value),
      [{ a: "x\n---\ny\n" }],
    );
  });

  it("reads JSON: one object, an array of objects, or sensuctl's stream of objects", () => {
    assert.equal(splitDocuments('{"a":1}').documents.length, 1);
    assert.deepEqual(
      splitDocuments('[{"a":1},{"b":2}]').documents.map((d) => d.label),
      ["document 1", "document 2"],
    );
    assert.deepEqual(
      splitDocuments('{"a":"}{"}\n{"b":"\\"{"}').documents.map((d) => d.value),
      [{ a: "}{" }, { b: '"{' }],
    );
  });

  it("reports broken JSON with the parser's reason", () => {
    const r = splitDocuments('{"a": 1,}');
    assert.equal(r.documents.length, 0);
    assert.match(r.errors[0]?.message ?? "", /^failed to parse JSON/);
  });

  it("refuses an absurdly long text instead of parsing it", () => {
    const r = splitDocuments("a".repeat(2_000_001));
    assert.match(r.errors[0]?.message ?? "", /at most 2000000/);
  });
});

describe("jsonPieces", () => {
  it("gives back the whole text when there is anything between the objects", () => {
    assert.deepEqual(jsonPieces('{"a":1} x {"b":2}'), ['{"a":1} x {"b":2}']);
    assert.deepEqual(jsonPieces('{"a":1'), ['{"a":1']);
  });
});
