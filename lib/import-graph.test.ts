import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, it } from "node:test";

import ts from "typescript";

// The layer rule (scripts/eslint/lib-layers.mjs) sees one import at a time; a circle is only
// visible in the whole graph. Circles are almost always a type in the wrong file.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? spec.slice(2)
    : spec.startsWith(".")
      ? normalize(join(dirname(from), spec))
      : null;
  if (base === null) return null;
  return [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((f) => existsSync(f)) ?? null;
}

/** Every import a file makes, static or dynamic, type-only included. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.flatMap((f) => resolveImport(file, f.fileName) ?? []);
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "open") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe("the import graph", () => {
  const files = ["lib", "components", "app"].flatMap(sources);
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  it("is read whole: every lib folder and the app", () => {
    assert.ok(files.length > 100);
    assert.ok(graph.get("lib/bundle/manifest.ts")?.includes("lib/plan/resolved-plan.ts"));
  });

  it("has no import circles", () => {
    assert.equal(findCycle(graph)?.join(" → ") ?? null, null);
  });

  it("finds a circle when there is one (the check itself works)", () => {
    const circle = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
    ]);
    assert.deepEqual(findCycle(circle), ["a.ts", "b.ts", "c.ts", "a.ts"]);
  });

  it("has no JSX in lib/, which runs without React", () => {
    assert.deepEqual(
      files.filter((f) => f.startsWith("lib/") && f.endsWith(".tsx")),
      [],
    );
  });
});
