import { certificateBlocks } from "../pki/pem";
import { X509Certificate } from "../pki/x509";
import { OPERATOR_CA_PATH } from "../plan/file-names";
import { CONFIG_PATH, type HostConfig } from "../sensu/config-entry";
import { type HostView, listSetting, stringSetting } from "../sensu/connection";
import type { CrossCheckInput } from "../sensu/cross-check";
import { parseConfig } from "../sensu/yaml";

/**
 * A bundle read back from its files (a zip, or the folder it was unzipped to): each host folder's
 * backend.yml or agent.yml and the files it installs, as the cross-check reads them. Keys are
 * never needed: the check is about certificates, names and settings.
 */

export const HOST_FOLDER = /^(backends|agents)\/([^/]+)\//;

/** The files `check` reads: host folders and the operator's CA certificate, never a private key. */
export const wantedForCheck = (path: string): boolean =>
  (HOST_FOLDER.test(path) || path === OPERATOR_CA_PATH) && !/-key\.pem$/i.test(path);

export type DeploymentResult = { ok: true; input: CrossCheckInput; hosts: string[] } | { ok: false; message: string };

interface Folder {
  side: "backend" | "agent";
  name: string;
  files: Map<string, string>;
}

function folders(files: ReadonlyMap<string, string>): Folder[] {
  const out = new Map<string, Folder>();
  for (const [path, text] of files) {
    const m = HOST_FOLDER.exec(path);
    if (!m) continue;
    const [prefix, kind, name] = m as unknown as [string, string, string];
    const key = `${kind}/${name}`;
    const folder = out.get(key) ?? { side: kind === "backends" ? "backend" : "agent", name, files: new Map() };
    // The folder mirrors the host's /: a file's path inside it is where it is installed.
    folder.files.set(`/${path.slice(prefix.length)}`, text);
    out.set(key, folder);
  }
  return [...out.values()];
}

function viewOf(folder: Folder): HostView | string {
  const configPath = CONFIG_PATH[folder.side];
  const text = folder.files.get(configPath);
  if (text === undefined) return `${folder.side}s/${folder.name} has no ${configPath.slice(1)}.`;
  let values: Record<string, unknown>;
  try {
    values = parseConfig(text);
  } catch (e) {
    return `failed to read ${folder.side}s/${folder.name}${configPath}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
  }
  const config: HostConfig = {
    side: folder.side,
    host: folder.name,
    // Only values Sensu reads as settings; sections and reasons belong to the wizard's own configs.
    entries: Object.entries(values)
      .filter(
        (e): e is [string, string | boolean | string[]] =>
          typeof e[1] === "string" || typeof e[1] === "boolean" || Array.isArray(e[1]),
      )
      .map(([key, value]) => ({ key, value, section: "api", why: "" })),
  };
  return { config, files: folder.files };
}

/** Backends in cluster order: etcd-initial-cluster lists the members as the plan does, and agents dial in that order. */
function clusterOrder(backends: HostView[]): HostView[] {
  const [first] = backends;
  const cluster = first ? (stringSetting(first, "etcd-initial-cluster") ?? "") : "";
  const listed = cluster.split(",").map((m) => m.split("=")[0] ?? "");
  const rank = (v: HostView) => {
    const i = listed.indexOf(v.config.host);
    return i === -1 ? listed.length : i;
  };
  return [...backends].sort((a, b) => rank(a) - rank(b) || a.config.host.localeCompare(b.config.host));
}

const hostOfUrl = (url: string): string | undefined => {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
};

function firstCommonName(pem: string | undefined): string | undefined {
  const [block] = certificateBlocks(pem ?? "");
  if (!block) return undefined;
  try {
    return new X509Certificate(block).subjectName.getField("CN")[0];
  } catch {
    return undefined;
  }
}

export function deploymentInput(files: ReadonlyMap<string, string>, now: Date): DeploymentResult {
  const views: { backends: HostView[]; agents: HostView[] } = { backends: [], agents: [] };
  for (const folder of folders(files)) {
    const view = viewOf(folder);
    if (typeof view === "string") return { ok: false, message: view };
    views[folder.side === "backend" ? "backends" : "agents"].push(view);
  }
  if (views.backends.length === 0)
    return {
      ok: false,
      message:
        "No backends/<name>/etc/sensu/backend.yml found: give a bundle made by Sensu TLS Wizard, or the folder it was unzipped to.",
    };
  const backends = clusterOrder(views.backends);
  const agents = [...views.agents].sort((a, b) => a.config.host.localeCompare(b.config.host));
  const [firstBackend] = backends;
  const [firstAgent] = agents;
  // ca/ stays offline and may be missing from a deployment: then the operator trusts what backends trust.
  const trusted = firstBackend ? stringSetting(firstBackend, "trusted-ca-file") : undefined;
  const operatorCa = files.has(OPERATOR_CA_PATH)
    ? { path: OPERATOR_CA_PATH, pem: files.get(OPERATOR_CA_PATH) ?? "" }
    : {
        path: `backends/${firstBackend?.config.host}${trusted ?? ""}`,
        pem: (trusted && firstBackend?.files.get(trusted)) || "",
      };
  const dashboard = firstBackend ? stringSetting(firstBackend, "dashboard-cert-file") : undefined;
  const agentCa = firstAgent ? stringSetting(firstAgent, "trusted-ca-file") : undefined;
  const agentCertPath =
    firstAgent &&
    (stringSetting(firstAgent, "cert-file") ??
      (agentCa ? `${agentCa.slice(0, agentCa.lastIndexOf("/"))}/${firstAgent.config.host}.pem` : undefined));
  const agentPem = agentCertPath ? firstAgent?.files.get(agentCertPath) : undefined;
  return {
    ok: true,
    hosts: [...backends, ...agents].map((v) => `${v.config.side} ${v.config.host}`),
    input: {
      backends,
      agents,
      operatorCa,
      operatorHosts: firstAgent ? listSetting(firstAgent, "backend-url").flatMap((u) => hostOfUrl(u) ?? []) : [],
      webUiHost:
        dashboard && firstBackend?.files.has(dashboard)
          ? firstCommonName(firstBackend.files.get(dashboard))
          : undefined,
      agentCertificate: firstAgent && agentPem ? { cn: firstAgent.config.host, pem: agentPem } : undefined,
      now,
    },
  };
}
