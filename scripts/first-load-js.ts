// First-load JavaScript per route of the static export: the gzipped size of every script a route's
// HTML names in <script src>, what Chromium fetches before the page runs (Next 16 no longer prints
// it). noModule scripts (Next's polyfills) are left out: a browser that runs modules never fetches
// them. `node --import tsx scripts/first-load-js.ts` prints it; the bench imports firstLoadJs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const SCRIPT_TAG = /<script\b[^>]*>/g;
const SRC = /\ssrc="([^"]+)"/;

export interface RouteJs {
  route: string;
  kB: number;
}

/** Every route of out/ with the gzipped kB of the scripts it loads first, largest first. */
export function firstLoadJs(outDir = "out"): RouteJs[] {
  const gzipped = new Map<string, number>();
  const size = (src: string) => {
    let bytes = gzipped.get(src);
    if (bytes === undefined) {
      bytes = gzipSync(readFileSync(join(outDir, src.split("?")[0]!))).length;
      gzipped.set(src, bytes);
    }
    return bytes;
  };
  const routes = readdirSync(outDir)
    .filter((f) => f.endsWith(".html") && f !== "404.html" && f !== "_not-found.html")
    .map((file) => {
      const html = readFileSync(join(outDir, file), "utf8");
      const tags = [...html.matchAll(SCRIPT_TAG)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
      const srcs = new Set(tags.flatMap((tag) => SRC.exec(tag)?.[1] ?? []).filter((src) => src.startsWith("/")));
      const bytes = [...srcs].reduce((sum, src) => sum + size(src), 0);
      return { route: file === "index.html" ? "/" : `/${file.slice(0, -".html".length)}`, kB: bytes / 1000 };
    });
  return routes.sort((a, b) => b.kB - a.kB || a.route.localeCompare(b.route));
}

if (process.argv[1]?.endsWith("first-load-js.ts")) {
  for (const { route, kB } of firstLoadJs(process.argv[2])) console.log(`${route.padEnd(18)} ${kB.toFixed(1)} kB`);
}
