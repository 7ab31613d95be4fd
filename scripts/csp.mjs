// After `next build`: give every exported page a strict Content-Security-Policy. Next's static export
// inlines a few bootstrap scripts, so instead of 'unsafe-inline' each page allows exactly the SHA-256
// hashes of its own inline scripts. The policy goes into a <meta> tag (first in <head>, before any
// script) and into out/_csp.json, from which scripts/serve.mjs sends it as a header too.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const OUT = new URL("../out/", import.meta.url).pathname;

/** Everything same-origin; no inline styles, no eval, no framing, no form posts anywhere. */
export function policyFor(scriptHashes) {
  return [
    "default-src 'none'",
    `script-src 'self' ${scriptHashes.map((h) => `'sha256-${h}'`).join(" ")}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join("; ");
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

const policies = {};
for (const file of htmlFiles(OUT)) {
  let html = readFileSync(file, "utf8");
  if (html.includes('http-equiv="Content-Security-Policy"'))
    throw new Error(`failed to add CSP: ${file} already has one (run next build first)`);
  const hashes = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(
      createHash("sha256")
        .update(match[1] ?? "", "utf8")
        .digest("base64"),
    );
  }
  const policy = policyFor(hashes);
  if (!html.includes("<head>")) throw new Error(`failed to add CSP: no <head> in ${file}`);
  html = html.replace("<head>", `<head><meta http-equiv="Content-Security-Policy" content="${policy}"/>`);
  writeFileSync(file, html);
  policies[`/${relative(OUT, file)}`] = policy;
}
writeFileSync(join(OUT, "_csp.json"), JSON.stringify(policies, null, 1));
console.log(`csp: ${Object.keys(policies).length} pages, inline scripts pinned by hash`);
