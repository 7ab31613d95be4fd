import { urlHost } from "../pki/names";
import type { ResolvedPlan } from "../plan/resolved-plan";
import type { HostView } from "../sensu/connection";
import type { CrossCheckInput } from "../sensu/cross-check";
import type { Manifest } from "./manifest";
import type { ManifestEntry } from "./manifest-entry";

/** A host's settings, and the files its folder installs by their absolute path on the host. */
function viewOf(host: { config: HostView["config"]; entries: readonly ManifestEntry[] }): HostView {
  const files = new Map<string, string>();
  for (const e of host.entries) if (e.installTo) files.set(e.installTo, e.content);
  return { config: host.config, files };
}

/** What the cross-check reads: the manifest's hosts, as their settings and files will be once installed. */
export function crossCheckInput(plan: ResolvedPlan, manifest: Manifest, now: Date): CrossCheckInput {
  const { backends, agents } = manifest.hosts;
  const agentViews = agents.map(viewOf);
  const firstAgent = agents[0];
  const agentPem = firstAgent && agentViews[0]?.files.get(firstAgent.paths.cert);
  const web = plan.api.dashboard;
  return {
    backends: backends.map(viewOf),
    agents: agentViews,
    operatorCa: { path: manifest.operatorCa.path, pem: manifest.operatorCa.content },
    operatorHosts: backends.map((h) => urlHost(h.backend.urlHost)),
    webUiHost: web.mode === "issue" ? web.commonName : undefined,
    agentCertificate: firstAgent && agentPem ? { cn: firstAgent.name, pem: agentPem } : undefined,
    now,
  };
}
