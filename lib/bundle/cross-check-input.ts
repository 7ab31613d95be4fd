import { urlHost } from "../pki/names";
import { agentDir, backendDir, OFFLINE_DIR } from "../plan/file-names";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { agentConfig } from "../sensu/agent-config";
import { backendConfig } from "../sensu/backend-config";
import type { HostView } from "../sensu/connection";
import type { CrossCheckInput } from "../sensu/cross-check";
import type { ManifestEntry } from "./manifest";

/** The files a host folder installs, by their absolute path on the host. */
function filesOf(entries: readonly ManifestEntry[], dir: string): Map<string, string> {
  return new Map(
    entries.filter((e) => e.path.startsWith(`${dir}/`) && e.installTo).map((e) => [e.installTo as string, e.content]),
  );
}

/** What the cross-check reads: the settings each host gets and the files the bundle gives it. */
export function crossCheckInput(plan: ResolvedPlan, entries: readonly ManifestEntry[], now: Date): CrossCheckInput {
  const backends: HostView[] = plan.backends.map((b) => ({
    config: backendConfig(plan, b),
    files: filesOf(entries, backendDir(b.name)),
  }));
  const agents: HostView[] = plan.agents.map((a) => ({
    config: agentConfig(plan, a.commonName),
    files: filesOf(entries, agentDir(a.commonName)),
  }));
  const firstAgent = plan.agents[0];
  const agentPem =
    firstAgent &&
    entries.find(
      (e) =>
        e.path.startsWith(`${agentDir(firstAgent.commonName)}/`) && e.path.endsWith(`/${firstAgent.commonName}.pem`),
    )?.content;
  const web = plan.api.dashboard;
  return {
    backends,
    agents,
    operatorCa: entries.find((e) => e.path === `${OFFLINE_DIR}/ca.pem`)?.content ?? "",
    operatorHosts: plan.backends.map((b) => urlHost(b.urlHost)),
    webUiHost: web.mode === "issue" ? web.commonName : undefined,
    agentCertificate: firstAgent && agentPem ? { cn: firstAgent.commonName, pem: agentPem } : undefined,
    now,
  };
}
