import { splitDocumentsWith, type YamlLoad } from "./documents";
import { type BuildFilter, parseFilter } from "./filters";
import { parseSha512, type Sha512 } from "./tokens";

// Turns pasted Sensu Asset definitions (core/v2, multi-build or legacy single-build) into the
// wizard's own types. Every problem names the document and the field, and the good documents (and
// the good builds of a partly broken asset) are kept.

export interface AssetBuild {
  /** Position in spec.builds; 0 for a legacy asset whose url/sha512 sit directly under spec. */
  index: number;
  url: string;
  /** As written: Sensu names the cache directory <cache>/<sha512> with this exact text. */
  sha512: Sha512;
  filters: BuildFilter[];
  /** The filter expressions as written, so a definition written back out reads the same. */
  filterText: string[];
  /** HTTP headers Sensu sends when it downloads the build; null when there are none. */
  headers: Record<string, string> | null;
}

export interface Asset {
  name: string;
  namespace: string | null;
  labels: Record<string, string> | null;
  annotations: Record<string, string> | null;
  /** True for the older single-build form (spec.url, spec.sha512, spec.filters). */
  legacy: boolean;
  builds: AssetBuild[];
  /** Where the definition came from, for messages: "document 1" or "assets.yml, document 3". */
  source: string;
}

export interface AssetProblem {
  /** "document 2" or "assets.yml, document 2". */
  document: string;
  /** metadata.name when the document has a readable one. */
  name: string | null;
  /** The field at fault, e.g. "spec.builds[1].sha512"; "" for the document as a whole. */
  field: string;
  /** Complete sentence naming the document and field. */
  message: string;
}

export interface ParsedAssets {
  assets: Asset[];
  problems: AssetProblem[];
}

/** Sensu resource names: letters, digits and _ . : / - (no white space, quotes or control characters). */
const ASSET_NAME = /^[A-Za-z0-9_.:/-]{1,200}$/;
const MAX_URL = 2048;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function stringMap(v: unknown): Record<string, string> | null | undefined {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== "string") return undefined;
    out[k] = val;
  }
  return out;
}

function urlProblem(url: unknown): string | null {
  if (typeof url !== "string" || url === "") return "The url is missing; every build needs the URL of its archive";
  if (url.length > MAX_URL) return `The url is ${url.length} characters; at most ${MAX_URL} are accepted`;
  if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/.test(url))
    return `"${url.slice(0, 80)}" is not an http(s) URL without spaces`;
  return null;
}

function parseBuild(
  raw: Obj,
  index: number,
  base: string,
  report: (field: string, message: string) => void,
): AssetBuild | null {
  let ok = true;
  const bad = (field: string, message: string) => {
    ok = false;
    report(`${base}${field}`, message);
  };
  const urlError = urlProblem(raw.url);
  if (urlError) bad("url", `${urlError}.`);
  let sha512: Sha512 | null = null;
  if (typeof raw.sha512 === "number") bad("sha512", "The sha512 was read as a number: put it in quotes.");
  else if (typeof raw.sha512 !== "string")
    bad("sha512", "The sha512 is missing; every build needs the sha512 of its archive.");
  else {
    const sha = parseSha512(raw.sha512);
    if (sha.ok) sha512 = sha.value;
    else bad("sha512", sha.message);
  }
  const filters: BuildFilter[] = [];
  const filterText: string[] = [];
  if (raw.filters !== null && raw.filters !== undefined && !Array.isArray(raw.filters))
    bad("filters", "The filters must be a list of expressions.");
  for (const [i, f] of (Array.isArray(raw.filters) ? raw.filters : []).entries()) {
    if (typeof f !== "string") {
      bad(`filters[${i}]`, "Each filter must be a string expression.");
      continue;
    }
    const parsed = parseFilter(f);
    if (parsed.ok) {
      filters.push(parsed.filter);
      filterText.push(f);
    } else bad(`filters[${i}]`, `${parsed.message}.`);
  }
  const headers = stringMap(raw.headers);
  if (headers === undefined) bad("headers", "The headers must map header names to strings.");
  if (!ok || sha512 === null) return null;
  return { index, url: raw.url as string, sha512, filters, filterText, headers: headers ?? null };
}

function parseAsset(value: unknown, source: string, problems: AssetProblem[]): Asset | null {
  const meta = isObj(value) && isObj(value.metadata) ? value.metadata : null;
  const name = meta && typeof meta.name === "string" && meta.name !== "" ? meta.name : null;
  const report = (field: string, message: string) => {
    const where = `${source}${name ? ` ("${name.slice(0, 80)}")` : ""}`;
    problems.push({ document: source, name, field, message: `${where}${field ? `, ${field}` : ""}: ${message}` });
  };
  const fail = (field: string, message: string): null => {
    report(field, message);
    return null;
  };
  if (!isObj(value)) return fail("", "This is not an object; expected a Sensu Asset definition.");
  if (value.type !== "Asset")
    return fail(
      "type",
      `The type is ${JSON.stringify(value.type ?? null)}, not "Asset"; only asset definitions are read here.`,
    );
  if (value.api_version !== undefined && value.api_version !== "core/v2") {
    return fail("api_version", `The api_version is ${JSON.stringify(value.api_version)}; expected "core/v2".`);
  }
  if (!name) return fail("metadata.name", "The name is missing; every asset needs one.");
  if (!ASSET_NAME.test(name))
    return fail("metadata.name", "The name may contain only letters, digits and _ . : / - (at most 200 characters).");
  const namespace = typeof meta?.namespace === "string" && meta.namespace !== "" ? meta.namespace : null;
  const labels = stringMap(meta?.labels);
  const annotations = stringMap(meta?.annotations);
  if (labels === undefined) return fail("metadata.labels", "Expected a map of names to strings.");
  if (annotations === undefined) return fail("metadata.annotations", "Expected a map of names to strings.");
  const spec = value.spec;
  if (!isObj(spec))
    return fail("spec", "The spec is missing; an asset needs spec.builds, or spec.url and spec.sha512.");
  const hasBuilds = Array.isArray(spec.builds) && spec.builds.length > 0;
  const hasLegacy = spec.url !== undefined && spec.url !== null;
  if (hasBuilds && hasLegacy) return fail("spec", "The spec has both builds and url; keep one form.");
  if (!hasBuilds && !hasLegacy)
    return fail("spec.builds", "There are no builds; an asset needs at least one (or spec.url and spec.sha512).");
  const builds: AssetBuild[] = [];
  if (hasBuilds) {
    for (const [i, b] of (spec.builds as unknown[]).entries()) {
      if (!isObj(b)) report(`spec.builds[${i}]`, "This build is not an object with url, sha512 and filters.");
      else {
        const build = parseBuild(b, i, `spec.builds[${i}].`, report);
        if (build) builds.push(build);
      }
    }
  } else {
    const build = parseBuild(spec, 0, "spec.", report);
    if (build) builds.push(build);
  }
  if (builds.length === 0) return null;
  return { name, namespace, labels, annotations, legacy: !hasBuilds, builds, source };
}

/** Parses one pasted text or file. `source` (a file name) prefixes every document label. */
export function parseAssetsWith(loadYaml: YamlLoad | null, text: string, source?: string): ParsedAssets {
  const split = splitDocumentsWith(loadYaml, text, source);
  const problems: AssetProblem[] = split.errors.map((e) => ({
    document: e.label,
    name: null,
    field: "",
    message: `${e.label}: ${e.message}.`,
  }));
  const assets: Asset[] = [];
  for (const doc of split.documents) {
    const asset = parseAsset(doc.value, doc.label, problems);
    if (!asset) continue;
    const earlier = assets.find((a) => a.name === asset.name && a.namespace === asset.namespace);
    if (earlier) {
      problems.push({
        document: doc.label,
        name: asset.name,
        field: "metadata.name",
        message: `${doc.label} ("${asset.name}"), metadata.name: This name is already defined in ${earlier.source}; the first definition is used.`,
      });
    } else assets.push(asset);
  }
  // Problems in the order of the documents, whether the YAML or the asset was at fault.
  const order = new Map([...split.errors, ...split.documents].map((d) => [d.label, d.index]));
  problems.sort((a, b) => (order.get(a.document) ?? 0) - (order.get(b.document) ?? 0));
  return { assets, problems };
}

/** Parses several dropped files as one set: later duplicates are reported against the earlier file. */
export function parseAssetFilesWith(
  loadYaml: YamlLoad | null,
  files: readonly { name: string; text: string }[],
): ParsedAssets {
  const all = files.map((f) => parseAssetsWith(loadYaml, f.text, f.name));
  const out: ParsedAssets = { assets: [], problems: all.flatMap((p) => p.problems) };
  for (const asset of all.flatMap((p) => p.assets)) {
    const earlier = out.assets.find((a) => a.name === asset.name && a.namespace === asset.namespace);
    if (earlier) {
      out.problems.push({
        document: asset.source,
        name: asset.name,
        field: "metadata.name",
        message: `${asset.source} ("${asset.name}"), metadata.name: This name is already defined in ${earlier.source}; the first definition is used.`,
      });
    } else out.assets.push(asset);
  }
  return out;
}
