import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { marked } from "marked";

import { code, fence, row, text } from "./markdown";

// Rendered with marked (GFM tables, raw HTML passed through, as permissive wikis do): what a value
// becomes is checked in the HTML a reader's browser would get, not in the Markdown source.

const HOSTILE = [
  "<img src=x onerror=alert(1)>",
  "`code` and ``two``",
  "a | b",
  "*bold* _it_ [link](javascript:alert(1)) ![i](x)",
  "&amp; &lt;",
  "line\nbreak",
  "\\<b>escaped?",
  "# heading",
  " padded ",
  "`",
  "ends with `",
  "~~gone~~",
];

const html = (markdown: string) => marked.parse(markdown, { async: false, gfm: true });
/** What the HTML shows as text: tags dropped, the few entities marked writes decoded. */
const shown = (h: string) =>
  h
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
const oneLine = (v: string) => v.replace(/\n/g, " ");

describe("Markdown for user values", () => {
  it("a code span shows the value itself, with no element made from it", () => {
    for (const v of HOSTILE) {
      const out = html(`name: ${code(v)}`);
      assert.doesNotMatch(out, /<(img|b|em|strong|a|del|h1)\b/, v);
      assert.match(out, /<code>/, v);
      // CommonMark turns the line break into a space and keeps the padding a value needed.
      assert.equal(shown(out), `name: ${oneLine(v)}`.replace(/\s+$/, ""), v);
    }
    assert.equal(code(""), "");
  });

  it("escaped text shows the value itself, with no element made from it", () => {
    for (const v of HOSTILE) {
      const out = html(`said ${text(v)} here`);
      assert.doesNotMatch(out, /<(img|b|em|strong|a|code|del|h1)\b/, v);
      assert.equal(shown(out).replace(/\s+/g, " "), `said ${oneLine(v)} here`.replace(/\s+/g, " "), v);
    }
  });

  it("a table row keeps its cells whatever the values hold", () => {
    const table = [row(["a", "b", "c"]), "|---|---|---|", ...HOSTILE.map((v) => row([code(v), text(v), "x"]))];
    const out = html(table.join("\n"));
    const rows = out.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    assert.equal(rows.length, HOSTILE.length + 1);
    for (const [i, r] of rows.entries()) {
      assert.equal((r.match(/<t[dh]>/g) ?? []).length, 3, r);
      if (i === 0) continue;
      const cells = (r.match(/<td>[\s\S]*?<\/td>/g) ?? []).map(shown);
      const v = oneLine(HOSTILE[i - 1] ?? "").trim();
      assert.deepEqual([cells[0]?.trim(), cells[1]?.replace(/\s+/g, " ")], [v, v.replace(/\s+/g, " ")]);
    }
  });

  it("a fence stays one code block whatever its lines hold", () => {
    const lines = ["echo one", "```", "<img src=x>", "````more", "echo two"];
    const out = html(fence("sh", lines).join("\n"));
    assert.equal((out.match(/<pre>/g) ?? []).length, 1);
    assert.doesNotMatch(out, /<img/);
    assert.equal(shown(out), lines.join("\n"));
    assert.deepEqual(fence("sh", ["ls"]), ["```sh", "ls", "```"]);
  });
});
