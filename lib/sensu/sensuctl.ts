import { urlHost } from "../pki/names";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { API_PORT } from "./ports";

/** sensuctl over https, verifying the backend with the CA; the CA path must be absolute. */
/** sensuctl configure twice: on a workstation from the unzipped bundle, and on a backend. */
export function sensuctlSnippets(plan: ResolvedPlan, inBundle: string, installed: string): string {
  return [
    "# on a workstation, from the unzipped bundle's folder",
    sensuctlConfigure(plan, `"$PWD/${inBundle}"`),
    "# on a backend",
    sensuctlConfigure(plan, installed),
  ].join("\n");
}

export function sensuctlConfigure(plan: ResolvedPlan, caPath: string): string {
  const first = plan.backends[0];
  const host = first ? urlHost(first.urlHost) : "localhost";
  return `sensuctl configure --url https://${host}:${API_PORT} --trusted-ca-file ${caPath}`;
}
