/**
 * Why a path cannot be written into backend.yml, agent.yml and install.sh, or null. The bar is a
 * plain absolute path: anything a shell or YAML could read two ways is refused, not escaped.
 */
export function absolutePathProblem(path: string): string | null {
  if (path === "") return "Enter an absolute path.";
  if (!path.startsWith("/")) return `"${path}" is relative: start it with /.`;
  if (path.length > 200) return `The path is ${path.length} characters; keep it under 200.`;
  if (path === "/") return "The root directory cannot hold certificates.";
  if (path.endsWith("/")) return "Remove the trailing /.";
  if (path.includes("//")) return "The path has an empty segment (//).";
  if (path.split("/").some((s) => s === "." || s === "..")) return "Write the path without . or .. segments.";
  const bad = /[^A-Za-z0-9._/-]/.exec(path);
  if (bad)
    return `"${bad[0] === " " ? "space" : bad[0]}" is not allowed in the path: use letters, digits, ., _, - and /.`;
  return null;
}
