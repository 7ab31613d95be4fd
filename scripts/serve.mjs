// Serves the static export in out/ on loopback, with the same CSP the pages carry plus the headers
// a <meta> tag cannot set. No server logic: it only reads files.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const OUT = normalize(new URL("../out/", import.meta.url).pathname);
const PORT = Number(process.env.PORT || 3000);
// Loopback by default: browsers allow WebCrypto on http://localhost only (a secure context).
const HOST = process.env.HOST || "127.0.0.1";

if (!existsSync(join(OUT, "_csp.json"))) {
  console.error("failed to serve: out/ has no build. Run `npm run build` first.");
  process.exit(1);
}
const policies = JSON.parse(readFileSync(join(OUT, "_csp.json"), "utf8"));
const FALLBACK_POLICY = "default-src 'none'; frame-ancestors 'none'";
// A Worker is governed by the CSP of its own script's response, not the page's: the generation
// Worker loads its chunks with importScripts, from this origin only.
const SCRIPT_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** "/", "/plan" and "/plan/" map to index.html and plan.html; anything escaping out/ is refused. */
function resolve(urlPath) {
  let path = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  if (path.endsWith("/") && path !== "/") path = path.slice(0, -1);
  const candidates = path === "/" ? ["/index.html"] : [path, `${path}.html`];
  for (const candidate of candidates) {
    const file = normalize(join(OUT, candidate));
    if (!file.startsWith(OUT.endsWith(sep) ? OUT : OUT + sep)) return null;
    if (existsSync(file) && statSync(file).isFile()) return { file, key: candidate };
  }
  return null;
}

const server = createServer((req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  let found;
  try {
    found = resolve(req.url ?? "/");
  } catch {
    found = null;
  }
  const status = found ? 200 : 404;
  found ??= { file: join(OUT, "404.html"), key: "/404.html" };
  const type = TYPES[extname(found.file)] ?? "application/octet-stream";
  const policy = policies[found.key]
    ? `${policies[found.key]}; frame-ancestors 'none'`
    : extname(found.file) === ".js"
      ? SCRIPT_POLICY
      : FALLBACK_POLICY;
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Security-Policy": policy,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), usb=(), payment=()",
    "Cache-Control": type.startsWith("text/html") ? "no-store" : "public, max-age=3600",
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(found.file).pipe(res);
});

server.listen(PORT, HOST, () => {
  const shown = HOST === "127.0.0.1" ? "localhost" : HOST;
  console.log(`Sensu TLS Wizard: http://${shown}:${PORT}/`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
