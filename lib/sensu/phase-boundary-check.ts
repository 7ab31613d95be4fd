import type { X509Certificate } from "../pki/x509";
import type { Connection, ConnectionKind } from "./connection";
import { AGENT_PORT, API_PORT, ETCD_CLIENT_PORT, ETCD_PEER_PORT } from "./ports";
import type { CheckItem } from "./tls-checks";

/** What every host on one side of a rolling restart presents and trusts, CA by CA. */
export interface PhaseState {
  /** "phase 1", "the renewed CA"…: how the rows name this side. */
  label: string;
  /** The CA that signed the leaves hosts on this side present. */
  issuer: X509Certificate;
  /** The CA certificates in their trust files (etcd's, Sensu's, the agent's, sensuctl's). */
  trust: X509Certificate[];
}

const KIND_WORDS: Record<ConnectionKind, string> = {
  "etcd-peer": "etcd peer",
  "etcd-client": "etcd client",
  api: "API",
  agent: "agent websocket",
  "web-ui": "web UI",
};

/** Who dials whom across the boundary, and whether the dialled side checks a client certificate. */
interface Link {
  kind: ConnectionKind;
  from: string;
  to: string;
  port: number;
  mutual: boolean;
}

/**
 * Whether a certificate signed by `issuer` chains to one of `trust`: a trusted certificate with the
 * issuer's subject whose key verifies the issuer's own signature (so the same key, as chain building
 * with an authority key identifier requires). Renewed or not, it is the key that counts.
 */
async function trusts(crypto: Crypto, trust: readonly X509Certificate[], issuer: X509Certificate): Promise<boolean> {
  for (const anchor of trust) {
    if (anchor.subject !== issuer.subject) continue;
    if (await issuer.verify({ publicKey: anchor.publicKey, signatureOnly: true }, crypto)) return true;
  }
  return false;
}

async function check(crypto: Crypto, presenter: PhaseState, verifier: PhaseState, role: string): Promise<CheckItem> {
  const ok = await trusts(crypto, verifier.trust, presenter.issuer);
  const held = verifier.trust.map((c) => c.subject).join(" + ");
  return {
    label: `${role} certificate of a host on ${presenter.label} verifies on a host on ${verifier.label}`,
    ok,
    detail: ok
      ? `signed by ${presenter.issuer.subject}, trusted there (${held})`
      : `signed by ${presenter.issuer.subject}, but the trust files there hold only ${held}: the connection is refused until every host is restarted.`,
  };
}

function links(mtls: boolean, separateAgentCa: boolean): Link[] {
  return [
    { kind: "etcd-peer", from: "backend", to: "backend", port: ETCD_PEER_PORT, mutual: true },
    { kind: "etcd-client", from: "backend", to: "backend", port: ETCD_CLIENT_PORT, mutual: true },
    { kind: "api", from: "sensuctl", to: "backend", port: API_PORT, mutual: false },
    // With a separate agent CA, agent certificates are not this CA's: only the backend side crosses.
    { kind: "agent", from: "agent", to: "backend", port: AGENT_PORT, mutual: mtls && !separateAgentCa },
  ];
}

/**
 * An agent CA's rolling restart: agents on either side present certificates from their side's agent
 * CA to backends holding the other side's agent-auth-trusted-ca-file.
 */
export async function agentCaBoundaryConnections(
  crypto: Crypto,
  before: PhaseState,
  after: PhaseState,
): Promise<Connection[]> {
  const out: Connection[] = [];
  for (const [agent, backend] of [
    [before, after],
    [after, before],
  ] as const) {
    const checks = [await check(crypto, agent, backend, "the agent's client")];
    out.push({
      id: `boundary:agent-ca:${agent.label}->${backend.label}`,
      kind: "agent",
      from: `agent on ${agent.label} (agent CA)`,
      to: `backend on ${backend.label} (agent-auth-trusted-ca-file)`,
      url: `port ${AGENT_PORT}`,
      port: AGENT_PORT,
      presented: "the backend's certificate (the CA's, unchanged here)",
      verifiedWith: backend.trust.map((c) => c.subject).join(" + "),
      clientPresented: `certificate signed by ${agent.issuer.subject}`,
      status: checks.every((c) => c.ok) ? "pass" : "fail",
      checks,
    });
  }
  return out;
}

/**
 * The connections of a rolling restart: every host still on `before` with every host already on
 * `after`, both ways. A rotation phase is offered only when each of them verifies.
 */
export async function phaseBoundaryConnections(
  crypto: Crypto,
  before: PhaseState,
  after: PhaseState,
  options: { mtls: boolean; separateAgentCa: boolean },
): Promise<Connection[]> {
  const out: Connection[] = [];
  for (const link of links(options.mtls, options.separateAgentCa)) {
    for (const [client, server] of [
      [before, after],
      [after, before],
    ] as const) {
      const checks = [await check(crypto, server, client, `the ${link.to}'s server`)];
      if (link.mutual) checks.push(await check(crypto, client, server, `the ${link.from}'s client`));
      out.push({
        id: `boundary:${link.kind}:${client.label}->${server.label}`,
        kind: link.kind,
        from: `${link.from} on ${client.label}`,
        to: `${link.to} on ${server.label} (${KIND_WORDS[link.kind]})`,
        // No single URL: any host of one side with any of the other; the port says which listener.
        url: `port ${link.port}`,
        port: link.port,
        presented: `certificate signed by ${server.issuer.subject}`,
        verifiedWith: client.trust.map((c) => c.subject).join(" + "),
        ...(link.mutual ? { clientPresented: `certificate signed by ${client.issuer.subject}` } : {}),
        status: checks.every((c) => c.ok) ? "pass" : "fail",
        checks,
      });
    }
  }
  return out;
}
