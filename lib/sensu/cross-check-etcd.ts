import { type Connection, type HostView, listSetting, setting, statusOf, stringSetting } from "./connection";
import { ETCD_CLIENT_PORT, ETCD_PEER_PORT } from "./ports";
import {
  type CheckItem,
  hostOf,
  loadCert,
  namesHost,
  namesSourceIp,
  scheme,
  signedBy,
  usableFor,
  validOn,
} from "./tls-checks";

const isIp = (host: string) => /^[0-9.]+$/.test(host) || host.includes(":");

/** name=url pairs of etcd-initial-cluster. */
function members(view: HostView): Map<string, string> {
  const text = stringSetting(view, "etcd-initial-cluster") ?? "";
  return new Map(
    text
      .split(",")
      .filter(Boolean)
      .map((pair) => {
        const i = pair.indexOf("=");
        return [pair.slice(0, i).trim(), pair.slice(i + 1).trim()] as [string, string];
      }),
  );
}

function flag(view: HostView, key: string, what: string): CheckItem {
  const ok = setting(view, key) === true;
  return {
    label: `${key}: true`,
    ok,
    detail: ok
      ? what
      : `${view.config.host} does not set ${key}: true, so etcd accepts ${what.replace(/^refuses /, "")}`,
  };
}

/** Every URL etcd listens on or advertises must be https: one http URL turns TLS off with only a warning. */
function allHttps(view: HostView): CheckItem[] {
  const urls = [
    "etcd-listen-client-urls",
    "etcd-advertise-client-urls",
    "etcd-listen-peer-urls",
    "etcd-initial-advertise-peer-urls",
  ].flatMap((k) => listSetting(view, k).map((u) => [k, u] as const));
  const inCluster = [...members(view)].map(([name, url]) => [`etcd-initial-cluster (${name})`, url] as const);
  return [...urls, ...inCluster]
    .filter(([, u]) => !u.startsWith("https://"))
    .map(([k, u]) => scheme(u, "https", `${k} on ${view.config.host}`));
}

async function peer(crypto: Crypto, now: Date, from: HostView, to: HostView): Promise<Connection> {
  const [a, b] = [from.config.host, to.config.host];
  const url = members(from).get(b) ?? "";
  const advertised = listSetting(to, "etcd-initial-advertise-peer-urls")[0] ?? "";
  const checks: CheckItem[] = [];
  checks.push(
    url
      ? { label: `${b} in etcd-initial-cluster`, ok: true, detail: `${b}=${url}` }
      : {
          label: `${b} in etcd-initial-cluster`,
          ok: false,
          detail: `${a}'s etcd-initial-cluster does not list ${b}: every member must name every other as name=https://IP:${ETCD_PEER_PORT}.`,
        },
  );
  if (url) {
    checks.push(scheme(url, "https", `${b}'s peer URL on ${a}`));
    checks.push({
      label: `matches ${b}'s advertised peer URL`,
      ok: url === advertised,
      detail:
        url === advertised ? advertised : `${a} lists ${url} but ${b} advertises ${advertised}: etcd refuses to start.`,
    });
  }
  const serverPath = stringSetting(to, "etcd-peer-cert-file");
  const server = loadCert(to.files, serverPath, b, "etcd-peer-cert-file");
  const host = hostOf(url);
  if (!server.ok) checks.push(server.item);
  else {
    const caPath = stringSetting(from, "etcd-peer-trusted-ca-file") ?? "";
    checks.push(
      await signedBy(crypto, server.cert, from.files.get(caPath), caPath, a, server.chain),
      usableFor(server.cert, "server"),
      validOn(server.cert, now),
    );
    if (host) checks.push(namesHost(server.cert, host));
  }
  const clientPath = stringSetting(from, "etcd-peer-cert-file");
  const client = loadCert(from.files, clientPath, a, "etcd-peer-cert-file");
  if (!client.ok) checks.push(client.item);
  else {
    const caPath = stringSetting(to, "etcd-peer-trusted-ca-file") ?? "";
    const own = hostOf(listSetting(from, "etcd-initial-advertise-peer-urls")[0] ?? "");
    checks.push(
      {
        ...(await signedBy(crypto, client.cert, to.files.get(caPath), caPath, b, client.chain)),
        label: `${a}'s certificate accepted by ${b}`,
      },
      usableFor(client.cert, "client"),
    );
    if (own && isIp(own)) checks.push(namesSourceIp(client.cert, own));
  }
  checks.push(flag(to, "etcd-peer-client-cert-auth", "refuses peers without a trusted certificate"));
  return {
    id: `etcd-peer:${a}:${b}`,
    kind: "etcd-peer",
    from: a,
    to: b,
    url,
    port: ETCD_PEER_PORT,
    presented: `${b}:${serverPath ?? "?"}`,
    verifiedWith: `${a}:${stringSetting(from, "etcd-peer-trusted-ca-file") ?? "?"}`,
    clientPresented: `${a}:${clientPath ?? "?"}`,
    status: statusOf(checks),
    checks,
  };
}

async function client(crypto: Crypto, now: Date, view: HostView): Promise<Connection> {
  const name = view.config.host;
  const url = listSetting(view, "etcd-advertise-client-urls")[0] ?? "";
  const certPath = stringSetting(view, "etcd-cert-file");
  const caPath = stringSetting(view, "etcd-trusted-ca-file") ?? "";
  const checks: CheckItem[] = [...allHttps(view)];
  if (!url)
    checks.push({
      label: "etcd-advertise-client-urls",
      ok: false,
      detail: `${name} has no etcd-advertise-client-urls: the backend would dial http://localhost:2379.`,
    });
  const own = members(view).get(name);
  const advertised = listSetting(view, "etcd-initial-advertise-peer-urls")[0];
  checks.push({
    label: `${name} in its own etcd-initial-cluster`,
    ok: own !== undefined && own === advertised,
    detail:
      own === advertised
        ? `${name}=${own}`
        : `etcd-initial-cluster must list ${name}=${advertised ?? "its peer URL"}, matching etcd-name and etcd-initial-advertise-peer-urls.`,
  });
  const cert = loadCert(view.files, certPath, name, "etcd-cert-file");
  if (!cert.ok) checks.push(cert.item);
  else {
    checks.push(
      await signedBy(crypto, cert.cert, view.files.get(caPath), caPath, name, cert.chain),
      usableFor(cert.cert, "server"),
      usableFor(cert.cert, "client"),
      validOn(cert.cert, now),
    );
    const host = hostOf(url);
    if (host) checks.push(namesHost(cert.cert, host));
  }
  checks.push(flag(view, "etcd-client-cert-auth", "refuses clients without a trusted certificate"));
  return {
    id: `etcd-client:${name}`,
    kind: "etcd-client",
    from: name,
    to: `${name} (etcd)`,
    url,
    port: ETCD_CLIENT_PORT,
    presented: `${name}:${certPath ?? "?"}`,
    verifiedWith: `${name}:${caPath}`,
    clientPresented: `${name}:${certPath ?? "?"}`,
    status: statusOf(checks),
    checks,
  };
}

/** What an agent certificate can do on port 2379: the reason the separate-CA layout exists. */
async function agentsVsEtcd(
  crypto: Crypto,
  view: HostView,
  agentCert: { cn: string; pem: string } | undefined,
): Promise<Connection | null> {
  if (!agentCert) return null;
  const caPath = stringSetting(view, "etcd-trusted-ca-file") ?? "";
  const loaded = loadCert(new Map([["agent", agentCert.pem]]), "agent", agentCert.cn, "agent certificate");
  if (!loaded.ok) return null;
  const accepted = (await signedBy(crypto, loaded.cert, view.files.get(caPath), caPath, view.config.host, loaded.chain))
    .ok;
  const base = {
    id: `etcd-agent:${view.config.host}`,
    kind: "etcd-client" as const,
    from: `agent "${agentCert.cn}"`,
    to: `${view.config.host} (etcd)`,
    url: listSetting(view, "etcd-advertise-client-urls")[0] ?? "",
    port: ETCD_CLIENT_PORT,
    presented: "",
    verifiedWith: `${view.config.host}:${caPath}`,
    clientPresented: `agent:${agentCert.cn}`,
  };
  return accepted
    ? {
        ...base,
        status: "note",
        checks: [],
        note: "Single-CA layout: etcd accepts this agent certificate as a client, with full read and write access. Choose the separate agent CA on the Plan step to close this.",
      }
    : {
        ...base,
        status: "pass",
        checks: [
          {
            label: "agent certificates refused by etcd",
            ok: true,
            detail: `${caPath} did not sign agent certificates, so they cannot open etcd.`,
          },
        ],
      };
}

export async function etcdConnections(
  crypto: Crypto,
  now: Date,
  backends: readonly HostView[],
  agentCert?: { cn: string; pem: string },
): Promise<Connection[]> {
  const out: Connection[] = [];
  for (const b of backends) {
    out.push(await client(crypto, now, b));
    const agentRow = await agentsVsEtcd(crypto, b, agentCert);
    if (agentRow) out.push(agentRow);
  }
  for (const a of backends) for (const b of backends) if (a !== b) out.push(await peer(crypto, now, a, b));
  return out;
}
