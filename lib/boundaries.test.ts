import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";

// lib/ is framework-free and runs the same in Node and the browser: no React, no Next, no DOM, no
// app code. This test is the rule that keeps it so.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test(-helper)?\.ts$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN_IMPORT = /from\s+["'](react|react-dom|next(\/[^"']*)?|@\/(app|components)\/[^"']*)["']/;
const FORBIDDEN_GLOBAL = /\b(window|document|localStorage|sessionStorage|indexedDB|navigator)\b\s*[.[]/;

describe("lib/", () => {
  it("imports no framework or app code and touches no DOM", () => {
    const files = sources("lib");
    assert.ok(files.length > 20);
    for (const file of files) {
      const text = readFileSync(file, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
      assert.doesNotMatch(text, FORBIDDEN_IMPORT, file);
      assert.doesNotMatch(text, FORBIDDEN_GLOBAL, file);
      assert.ok(!file.endsWith(".tsx"), `${file}: no JSX in lib`);
    }
  });

  it("imports @peculiar/x509 only through lib/pki/x509.ts", () => {
    for (const file of sources("lib").filter((f) => !f.endsWith("pki/x509.ts"))) {
      assert.doesNotMatch(readFileSync(file, "utf8"), /from\s+["']@peculiar\/x509["']/, file);
    }
  });
});
