import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, it } from "node:test";

import ts from "typescript";

// What every page loads first is the wizard shell and the step frame with what they import at run
// time (type-only imports and import() calls are not loaded with the page). x509, js-yaml, fflate
// and the key catalogue belong in the Workers and on the steps that use them; `npm run bench`
// prints the resulting kB per route.
const ENTRIES = ["components/wizard/wizard-shell.tsx", "components/wizard/step-page.tsx"];
const HEAVY = [/^@peculiar\//, /^js-yaml$/, /^fflate$/, /^reflect-metadata$/, /^lib\/pki\/x509\.ts$/, /\.json$/];

/** The module specifiers a file loads when it runs: static value imports and re-exports. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const specs: string[] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)
          ? clause.namedBindings.elements.every((e) => e.isTypeOnly)
          : false);
      if (!typeOnly) specs.push((s.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) {
      specs.push((s.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specs;
}

function resolve(from: string, spec: string): string {
  if (!spec.startsWith("@/") && !spec.startsWith("."))
    return spec
      .split("/")
      .slice(0, spec.startsWith("@") ? 2 : 1)
      .join("/");
  const base = spec.startsWith("@/") ? spec.slice(2) : normalize(join(dirname(from), spec));
  return [`${base}.ts`, `${base}.tsx`, base].find((f) => existsSync(f)) ?? base;
}

/** Each module the entries load first, with the chain that pulls it in. */
function firstLoad(entries: readonly string[] = ENTRIES): Map<string, string[]> {
  const chains = new Map<string, string[]>(entries.map((e) => [e, [e]]));
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!/\.tsx?$/.test(file)) continue;
    for (const next of runtimeImports(file).map((s) => resolve(file, s))) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(file)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

describe("what every page loads first", () => {
  it("holds no x509, js-yaml, fflate or JSON catalogue: those load in Workers or on their steps", () => {
    const heavy = [...firstLoad()].filter(([module]) => HEAVY.some((h) => h.test(module)));
    assert.deepEqual(
      heavy.map(([, chain]) => chain.join(" → ")),
      [],
    );
  });

  it("holds no x509 on any step's route", () => {
    const X509 = [/^@peculiar\//, /^reflect-metadata$/, /^lib\/pki\/x509\.ts$/];
    const routes = readdirSync("app/(wizard)").filter((r) => existsSync(`app/(wizard)/${r}/step.tsx`));
    assert.ok(routes.includes("renew") && routes.includes("revocation") && routes.length >= 13, routes.join());
    const heavy = routes.flatMap((r) =>
      [...firstLoad([`app/(wizard)/${r}/step.tsx`])]
        .filter(([module]) => X509.some((h) => h.test(module)))
        .map(([, chain]) => chain.join(" → ")),
    );
    assert.deepEqual(heavy, []);
  });

  it("sees through the shell to the parse, so the check above can fail", () => {
    const modules = firstLoad();
    assert.ok(modules.has("lib/wizard/parse.ts"));
    assert.ok(modules.has("react"));
  });
});
