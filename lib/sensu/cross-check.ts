import { agentConnectionId, type Connection, type HostView, listSetting, statusOf, stringSetting } from "./connection";
import { etcdConnections } from "./cross-check-etcd";
import { AGENT_PORT, API_PORT, WEB_UI_PORT } from "./ports";
import { type CheckItem, hostOf, loadCert, namesHost, scheme, signedBy, usableFor, validOn } from "./tls-checks";

export interface OperatorCa {
  path: string;
  pem: string;
}

export interface CrossCheckInput {
  backends: readonly HostView[];
  agents: readonly HostView[];
  /** The CA certificate operators trust (sensuctl, browsers): its path in the bundle, and the PEM. */
  operatorCa: OperatorCa;
  /** The host operators dial for each backend (URL form: IPv6 in brackets), in backend order. */
  operatorHosts: readonly string[];
  /** The web UI's own name, when it has its own certificate. */
  webUiHost?: string;
  /** An agent certificate, to show what etcd makes of it. */
  agentCertificate?: { cn: string; pem: string };
  now: Date;
}

async function serverChecks(
  crypto: Crypto,
  now: Date,
  server: HostView,
  certKey: string,
  url: string,
  caPem: string | undefined,
  caPath: string,
  verifier: string,
  expected: "https" | "wss",
): Promise<CheckItem[]> {
  const checks: CheckItem[] = [scheme(url, expected, `the URL ${verifier} dials`)];
  const cert = loadCert(server.files, stringSetting(server, certKey), server.config.host, certKey);
  if (!cert.ok) return [...checks, cert.item];
  const host = hostOf(url);
  checks.push(
    await signedBy(crypto, cert.cert, caPem, caPath, verifier, cert.chain),
    usableFor(cert.cert, "server"),
    validOn(cert.cert, now),
  );
  if (host) checks.push(namesHost(cert.cert, host));
  return checks;
}

async function agentToBackend(
  crypto: Crypto,
  now: Date,
  agent: HostView,
  backend: HostView,
  url: string | undefined,
): Promise<Connection> {
  const [a, b] = [`agent "${agent.config.host}"`, backend.config.host];
  const mtls = stringSetting(agent, "cert-file") !== undefined;
  const certKey = mtls && stringSetting(backend, "agent-auth-cert-file") ? "agent-auth-cert-file" : "cert-file";
  const caPath = stringSetting(agent, "trusted-ca-file") ?? "";
  const checks: CheckItem[] =
    url === undefined
      ? [
          {
            label: `${b} in backend-url`,
            ok: false,
            detail: `${a}'s backend-url does not list ${b}: list every cluster member so agents fail over.`,
          },
        ]
      : await serverChecks(crypto, now, backend, certKey, url, agent.files.get(caPath), caPath, a, "wss");
  if (mtls) {
    const trust = stringSetting(backend, "agent-auth-trusted-ca-file");
    const client = loadCert(agent.files, stringSetting(agent, "cert-file"), a, "cert-file");
    if (!trust)
      checks.push({
        label: "agent-auth-trusted-ca-file",
        ok: false,
        detail: `${b} has no agent-auth-trusted-ca-file, so it cannot verify agent certificates.`,
      });
    else if (!client.ok) checks.push(client.item);
    else
      checks.push(
        {
          ...(await signedBy(crypto, client.cert, backend.files.get(trust), trust, b, client.chain)),
          label: `agent certificate accepted by ${b}`,
        },
        usableFor(client.cert, "client"),
        validOn(client.cert, now),
      );
  }
  return {
    id: agentConnectionId(agent.config.host, b),
    kind: "agent",
    from: a,
    to: b,
    url: url ?? "",
    port: AGENT_PORT,
    presented: `${b}:${stringSetting(backend, certKey) ?? "?"}`,
    verifiedWith: `agent:${caPath}`,
    clientPresented: mtls ? `agent:${stringSetting(agent, "cert-file")}` : undefined,
    status: statusOf(checks),
    checks,
  };
}

async function apiRows(
  crypto: Crypto,
  now: Date,
  backend: HostView,
  operatorCa: OperatorCa,
  operatorUrl: string,
): Promise<Connection[]> {
  const name = backend.config.host;
  const apiUrl = stringSetting(backend, "api-url") ?? "";
  const caPath = stringSetting(backend, "trusted-ca-file") ?? "";
  const own = await serverChecks(
    crypto,
    now,
    backend,
    "cert-file",
    apiUrl,
    backend.files.get(caPath),
    caPath,
    name,
    "https",
  );
  const operator = await serverChecks(
    crypto,
    now,
    backend,
    "cert-file",
    operatorUrl,
    operatorCa.pem,
    operatorCa.path,
    "sensuctl",
    "https",
  );
  const presented = `${name}:${stringSetting(backend, "cert-file") ?? "?"}`;
  return [
    {
      id: `api-url:${name}`,
      kind: "api",
      from: `${name} (api-url)`,
      to: name,
      url: apiUrl,
      port: API_PORT,
      presented,
      verifiedWith: `${name}:${caPath}`,
      status: statusOf(own),
      checks: own,
    },
    {
      id: `sensuctl:${name}`,
      kind: "api",
      from: "sensuctl",
      to: name,
      url: operatorUrl,
      port: API_PORT,
      presented,
      verifiedWith: `operator: ${operatorCa.path}`,
      status: statusOf(operator),
      checks: operator,
    },
  ];
}

async function webUiRow(
  crypto: Crypto,
  now: Date,
  backend: HostView,
  operatorCa: OperatorCa,
  url: string,
): Promise<Connection> {
  const name = backend.config.host;
  const own = stringSetting(backend, "dashboard-cert-file");
  const base = {
    id: `web-ui:${name}`,
    kind: "web-ui" as const,
    from: "browser",
    to: name,
    url,
    port: WEB_UI_PORT,
    verifiedWith: `operator: ${operatorCa.path}`,
  };
  if (own && !backend.files.has(own)) {
    return {
      ...base,
      presented: `${name}:${own}`,
      status: "note",
      checks: [],
      note: `Your own certificate at ${own}: not in the bundle, so not checked here. It must name ${hostOf(url)} and be trusted by your browsers; Sensu 6 needs dashboard-key-file with it.`,
    };
  }
  const key = own ? "dashboard-cert-file" : "cert-file";
  const checks = await serverChecks(
    crypto,
    now,
    backend,
    key,
    url,
    operatorCa.pem,
    operatorCa.path,
    "browsers",
    "https",
  );
  return { ...base, presented: `${name}:${stringSetting(backend, key) ?? "?"}`, status: statusOf(checks), checks };
}

/**
 * Every connection the deployment will make, checked against the certificates actually issued and
 * the settings actually written: any "fail" blocks the download.
 */
export async function crossCheck(crypto: Crypto, input: CrossCheckInput): Promise<Connection[]> {
  const { backends, agents, operatorCa, now } = input;
  const rows: Connection[] = [];
  for (const agent of agents) {
    const urls = listSetting(agent, "backend-url");
    for (const [i, backend] of backends.entries())
      rows.push(await agentToBackend(crypto, now, agent, backend, urls[i]));
    for (const extra of urls.slice(backends.length)) {
      rows.push({
        id: agentConnectionId(agent.config.host, extra),
        kind: "agent",
        from: `agent "${agent.config.host}"`,
        to: extra,
        url: extra,
        port: AGENT_PORT,
        presented: "",
        verifiedWith: "",
        status: "fail",
        checks: [{ label: "a known backend", ok: false, detail: `${extra} is not one of the planned backends.` }],
      });
    }
  }
  rows.push(...(await etcdConnections(crypto, now, backends, input.agentCertificate)));
  for (const [i, backend] of backends.entries()) {
    const host = input.operatorHosts[i] ?? backend.config.host;
    rows.push(...(await apiRows(crypto, now, backend, operatorCa, `https://${host}:${API_PORT}`)));
    rows.push(await webUiRow(crypto, now, backend, operatorCa, `https://${input.webUiHost ?? host}:${WEB_UI_PORT}`));
  }
  return rows;
}
