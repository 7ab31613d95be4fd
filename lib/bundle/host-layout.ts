import { agentDir, backendDir } from "../plan/file-names";
import { type AgentFiles, agentFiles, type BackendFiles, backendFiles } from "../plan/host-files";
import type { ResolvedBackend, ResolvedPlan } from "../plan/resolved-plan";
import { agentConfig } from "../sensu/agent-config";
import { backendConfig } from "../sensu/backend-config";
import { CONFIG_PATH, type HostConfig } from "../sensu/config-entry";
import { agentNextSteps, backendNextSteps } from "../sensu/restart-order";
import { configYaml } from "../sensu/yaml";
import { installScript } from "./install-script";
import { agentCaTrustOf, type BundleFill, caTrustOf, issuedOrThrow } from "./issued-pems";
import { type FileKind, KEY_MODE, type LayoutEntry, PUBLIC_MODE, SCRIPT_MODE } from "./manifest-entry";

type Entry = LayoutEntry<BundleFill>;

export const INSTALL_SCRIPT = "install.sh";

/** One host folder of the bundle: what the host is told (its config) and what it is given (its entries). */
interface HostLayout<E> {
  /** The backend's name, or the agent certificate's CN: also the folder's name. */
  name: string;
  /** The folder inside the zip. */
  folder: string;
  /** Its backend.yml or agent.yml TLS settings, built once: the config file and the cross-check both read it. */
  config: HostConfig;
  /** The folder's files: install.sh, then each file it installs, the config last. */
  entries: E[];
}

export interface BackendHost<E> extends HostLayout<E> {
  backend: ResolvedBackend;
  /** Where its certificates and keys are installed. */
  paths: BackendFiles;
}

export interface AgentHost<E> extends HostLayout<E> {
  paths: AgentFiles;
}

/** Every host folder, backends in cluster order, then agents. */
export interface HostLayouts<E> {
  backends: BackendHost<E>[];
  agents: AgentHost<E>[];
}

/** The same hosts, each laid-out entry swapped for its written file: hosts and entries stay one set of objects. */
export function mapHostEntries<A, B>(hosts: HostLayouts<A>, f: (entry: A) => B): HostLayouts<B> {
  return {
    backends: hosts.backends.map((h) => ({ ...h, entries: h.entries.map(f) })),
    agents: hosts.agents.map((h) => ({ ...h, entries: h.entries.map(f) })),
  };
}

/** A host folder mirrors /: its files sit at their install path, and install.sh copies them. */
class HostFolder {
  private readonly entries: Entry[] = [];
  constructor(
    private readonly dir: string,
    private readonly host: string,
  ) {}
  add(installTo: string, kind: FileKind, purpose: string, content: Entry["content"]): void {
    const mode = kind === "private-key" ? KEY_MODE : PUBLIC_MODE;
    this.entries.push({ path: `${this.dir}${installTo}`, mode, kind, purpose, host: this.host, installTo, content });
  }
  finish(config: HostConfig, tlsDir: string, nextSteps: string[]): Entry[] {
    const configPath = CONFIG_PATH[config.side];
    this.add(configPath, "config", `TLS settings for ${config.host}; install.sh merges them into ${configPath}.`, (f) =>
      configYaml(config, [
        `${config.side}.yml TLS settings for ${config.host}, by Sensu TLS Wizard (${f.generatedAt.toISOString()}).`,
        "install.sh merges these keys into the existing file and keeps every other setting.",
      ]),
    );
    const files = this.entries
      .filter((e) => e.kind === "certificate" || e.kind === "private-key")
      .map((e) => ({
        installTo: e.installTo ?? "",
        mode: e.kind === "private-key" ? ("0400" as const) : ("0644" as const),
      }));
    this.entries.unshift({
      path: `${this.dir}/${INSTALL_SCRIPT}`,
      mode: SCRIPT_MODE,
      kind: "script",
      purpose: `Run on ${config.host} as root: installs the files, merges ${configPath}, prints the restart order.`,
      host: this.host,
      content: (f) => installScript({ config, tlsDir, files, nextSteps, generatedAt: f.generatedAt }),
    });
    return this.entries;
  }
}

function backendHost(plan: ResolvedPlan, backend: ResolvedBackend): BackendHost<Entry> {
  const folder = backendDir(backend.name);
  const files = new HostFolder(folder, backend.name);
  const paths = backendFiles(plan, backend);
  const own = (f: BundleFill) => issuedOrThrow(f.pems.backends.get(backend.fqdn), backend.fqdn);
  files.add(paths.ca, "certificate", "CA certificate: verifies the other backends (etcd peers) and clients.", (f) =>
    caTrustOf(f.pems),
  );
  if (paths.agentCa)
    files.add(
      paths.agentCa,
      "certificate",
      "Agent CA certificate: verifies agent certificates (agent-auth-trusted-ca-file).",
      (f) => agentCaTrustOf(f.pems),
    );
  files.add(
    paths.cert,
    "certificate",
    `Backend certificate for ${backend.fqdn}: API, agent websocket, etcd client and peer.`,
    (f) => own(f).cert,
  );
  files.add(
    paths.key,
    "private-key",
    `Private key of ${backend.fqdn}. Only the sensu user may read it.`,
    (f) => own(f).key,
  );
  const web = plan.api.dashboard;
  // A web UI certificate the user supplies is already on the host: only the one issued here is shipped.
  if (web.mode === "issue" && paths.dashboardCert && paths.dashboardKey) {
    const dashboard = (f: BundleFill) => issuedOrThrow(f.pems.dashboard, "the web UI certificate");
    files.add(
      paths.dashboardCert,
      "certificate",
      `Web UI certificate (${web.commonName}), served on port 3000.`,
      (f) => dashboard(f).cert,
    );
    files.add(paths.dashboardKey, "private-key", "Private key of the web UI certificate.", (f) => dashboard(f).key);
  }
  const config = backendConfig(plan, backend);
  const entries = files.finish(config, plan.tlsDir, backendNextSteps(plan, backend.name));
  return { name: backend.name, folder, config, entries, backend, paths };
}

function agentHost(plan: ResolvedPlan, commonName: string): AgentHost<Entry> {
  const folder = agentDir(commonName);
  const files = new HostFolder(folder, `agents using "${commonName}"`);
  const paths = agentFiles(plan);
  const own = (f: BundleFill) => issuedOrThrow(f.pems.agents.get(commonName), commonName);
  files.add(paths.ca, "certificate", "CA certificate: verifies the backends the agent connects to.", (f) =>
    caTrustOf(f.pems),
  );
  const unused = plan.mtls.enabled ? "" : " Not referenced by agent.yml until agent mTLS is turned on.";
  files.add(
    paths.cert,
    "certificate",
    `Agent certificate (CN ${commonName}), client authentication only.${unused}`,
    (f) => own(f).cert,
  );
  files.add(
    paths.key,
    "private-key",
    `Agent private key. Only the sensu user may read it.${unused}`,
    (f) => own(f).key,
  );
  const config = agentConfig(plan, commonName);
  const entries = files.finish(config, plan.tlsDir, agentNextSteps());
  return { name: commonName, folder, config, entries, paths };
}

/** Each backend's and agent certificate's folder: the one place host paths and host configs are made. */
export function hostLayouts(plan: ResolvedPlan): HostLayouts<Entry> {
  return {
    backends: plan.backends.map((b) => backendHost(plan, b)),
    agents: plan.agents.map((a) => agentHost(plan, a.commonName)),
  };
}
