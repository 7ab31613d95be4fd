import { dirname, relative, resolve, sep } from "node:path";

/**
 * lib/ is one-directional: a folder may import only the folders below it, so a change at the top
 * never ripples down and the bottom can be read (and tested) alone. Folders on one row are
 * independent of each other.
 */
export const LIB_LAYERS = [["pki", "sudoers", "files"], ["plan"], ["sensu"], ["bundle"], ["wizard"], ["cli"]];

const RANK = new Map(LIB_LAYERS.flatMap((row, rank) => row.map((folder) => [folder, rank])));
/** lib/ runs the same in Node and the browser: no framework, and nothing from the app above it. */
const FRAMEWORK = /^(react|react-dom|next)(\/|$)/;
const TEST_FILE = /\.test(-helper)?\.ts$/;

/** The path of a specifier relative to the project root, or null for a package. */
function target(spec, file, root) {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith("."))
    return relative(root, resolve(dirname(file), spec))
      .split(sep)
      .join("/");
  return null;
}

/** The lib folder a project path lies in ("lib/plan/x" → "plan"), "" for a file directly in lib/. */
function libFolder(path) {
  if (path === null || !path.startsWith("lib/")) return null;
  const parts = path.split("/");
  return parts.length > 2 ? parts[1] : "";
}

function layerProblem(fromFolder, spec, toPath) {
  if (FRAMEWORK.test(spec)) return `lib/ is framework-free: "${spec}" belongs in components/ or app/.`;
  if (toPath !== null && /^(app|components)(\/|$)/.test(toPath))
    return `lib/ may not import the app ("${spec}"): pass what it needs in as a parameter.`;
  const toFolder = libFolder(toPath);
  if (toFolder === null || toFolder === fromFolder || toFolder === "") return null;
  if (!RANK.has(toFolder))
    return `lib/${toFolder} is not in the layer list (scripts/eslint/lib-layers.mjs): add it on the row it belongs to.`;
  const [from, to] = [RANK.get(fromFolder), RANK.get(toFolder)];
  if (to < from) return null;
  const order = LIB_LAYERS.map((row) => row.join(" & ")).join(" < ");
  return to === from
    ? `lib/${fromFolder} and lib/${toFolder} are independent: neither imports the other (${order}).`
    : `lib/${fromFolder} may not import lib/${toFolder}, which sits above it (${order}); move the shared part down.`;
}

/** @type {import("eslint").Rule.RuleModule} */
export const libLayersRule = {
  meta: {
    type: "problem",
    docs: { description: "Keep lib/ framework-free and its folders one-directional." },
    schema: [{ type: "object", properties: { root: { type: "string" } }, additionalProperties: false }],
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const fromPath = relative(root, file).split(sep).join("/");
    const fromFolder = libFolder(fromPath);
    if (fromFolder === null) return {};
    if (fromFolder !== "" && !RANK.has(fromFolder)) {
      return {
        Program(node) {
          context.report({
            node,
            message: `lib/${fromFolder} is not in the layer list (scripts/eslint/lib-layers.mjs): add it on the row it belongs to.`,
          });
        },
      };
    }
    // Tests build their fixtures from the user's input, the layer above: only the framework rule holds.
    const isTest = TEST_FILE.test(file);
    const check = (node, source) => {
      if (!source || typeof source.value !== "string") return;
      const spec = source.value;
      const toPath = target(spec, file, root);
      const problem = isTest
        ? FRAMEWORK.test(spec)
          ? layerProblem(fromFolder, spec, toPath)
          : null
        : layerProblem(fromFolder, spec, toPath);
      if (problem) context.report({ node, message: problem });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : null),
      // typescript-eslint 8 names the specifier `source`; older trees wrapped it in `argument`.
      TSImportType: (node) => check(node, node.source ?? node.argument?.literal),
      CallExpression: (node) => {
        if (
          node.callee.type === "Identifier" &&
          node.callee.name === "require" &&
          node.arguments[0]?.type === "Literal"
        )
          check(node, node.arguments[0]);
      },
    };
  },
};

export default { rules: { "lib-layers": libLayersRule } };
