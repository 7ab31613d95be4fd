import { PHASE_TITLES } from "../plan/ca-transition";
import type { ResolvedPlan } from "../plan/resolved-plan";
import type { HostLayouts } from "./host-layout";
import { code } from "./markdown";
import { CA_TRUST_FILE } from "./offline-layout";
import type { RunbookSection } from "./runbook-section";

/** What the bundle in hand is, when it is a CA renewal or a rotation phase: read first. */
export function caBundleSections(plan: ResolvedPlan): RunbookSection[] {
  const t = plan.caTransition;
  if (!t) return [];
  if (t.kind === "renew")
    return [
      {
        title: "This bundle: the CA renewed in place",
        paragraphs: [
          "Every host folder holds the renewed CA certificate (same name, key and key identifier, new validity) and certificates it issued. Certificates issued before verify against it and the new ones against the old CA certificate, so restart the backends one at a time in any order, then the agents.",
        ],
      },
    ];
  return [
    {
      title: `This bundle: ${PHASE_TITLES[t.phase]}`,
      paragraphs: [
        t.phase === 1
          ? `Every trust file holds the new CA, then the old one; the certificates are still the old CA's. ca/ holds the new CA's certificate and key (${code("ca/ca.pem")}, ${code("ca/ca-key.pem")}): keep them offline, phases 2 and 3 sign with them. ${code(`ca/${CA_TRUST_FILE}`)} is both CAs, for sensuctl and this machine's trust store.`
          : t.phase === 2
            ? "Every certificate is re-issued by the new CA; trust files still hold both CAs. Install it only once every host runs phase 1."
            : "Trust files hold only the new CA. Install it only once every host runs phase 2's certificates: a host still presenting an old-CA certificate is refused from here on.",
        "Then load this bundle's sensu-tls-plan.json on the Plan step: the wizard offers the next phase.",
      ],
    },
  ];
}

/** The agent CA's renewal or rotation phase, when this bundle is one: it touches agents and agent-auth files only. */
export function agentCaBundleSections(plan: ResolvedPlan): RunbookSection[] {
  const t = plan.agentCaTransition;
  if (!t) return [];
  const words =
    t.kind === "renew"
      ? "The agent CA renewed in place: backends get its renewed certificate as agent-auth-trusted-ca-file, and agent certificates issued before still verify against it. Restart the backends one at a time, then update the agents."
      : t.phase === 1
        ? `Backends' agent-auth-trusted-ca-file holds the new agent CA, then the old one; agent certificates are still the old agent CA's. Keep ${code("ca/agent-ca.pem")} and ${code("ca/agent-ca-key.pem")}: phases 2 and 3 sign with them.`
        : t.phase === 2
          ? "Every agent certificate is re-issued by the new agent CA; backends still trust both. Install it only once every backend runs phase 1."
          : "Backends trust only the new agent CA. Install it only once every agent runs phase 2's certificate.";
  const title = t.kind === "renew" ? "the agent CA renewed in place" : `agent CA ${PHASE_TITLES[t.phase]}`;
  return [{ title: `This bundle: ${title}`, paragraphs: [words] }];
}

/** The CA's own lifecycle: RENEWAL.md's sections on renewing the CA in place or rotating its key. */
export function caRunbook(plan: ResolvedPlan, hosts: HostLayouts<unknown>): RunbookSection[] {
  const first = hosts.backends[0];
  const ca = first ? first.paths.ca : `${plan.tlsDir}/ca.pem`;
  const cert = first ? first.paths.cert : `${plan.tlsDir}/backend.pem`;
  return [
    {
      title: "The CA itself: renew in place, or rotate",
      paragraphs: [
        "A new CA installed member by member splits etcd: a restarted member trusts only the new CA and refuses its peers until the last one restarts. Both ways below keep every member able to talk to every other throughout.",
        "Renew in place while the CA's key is sound and before the CA expires: on the Renew step choose Renew it in place. One bundle, one rolling restart in any order.",
        "Rotate to a new key when the key may be compromised, the CA has already expired, or you move from RSA to ECDSA: three bundles, each a full rolling restart. Phase 1 trusts both CAs, phase 2 re-issues every certificate from the new CA, phase 3 drops the old CA. Never start a phase before every host runs the previous one. An expired CA is down already: install phase 3's files everywhere and restart all backends together.",
        "Start when the CA has fewer days left than the backend certificates last: past that, new certificates are cut short to the CA's end. The Renew step shows the days left.",
      ],
    },
    {
      title: "Each phase: the order",
      paragraphs: [
        "One backend at a time, `sensuctl cluster health` in between: etcd reads its CA files only when it starts, and sensu-backend reads every TLS file only at start (SIGHUP does not reload them). Then the agents: an agent re-reads its CA and certificate at every reconnect, so a forced reconnect (max-session-length) picks the files up without a restart; restarting it is quicker. sensuctl reads its CA per command.",
      ],
      commands: [
        "# on each backend in turn, from the phase's bundle folder",
        "sudo bash install.sh",
        "sudo systemctl restart sensu-backend",
        "sensuctl cluster health",
      ],
    },
    {
      title: "Verify a phase",
      paragraphs: ["How many CAs a trust file holds, which CA issued a host's certificate, and that it verifies:"],
      commands: [
        `grep -c 'BEGIN CERTIFICATE' ${ca}   # 2 in phases 1 and 2, 1 otherwise`,
        `openssl x509 -noout -issuer -enddate -in ${cert}`,
        `openssl verify -x509_strict -CAfile ${ca} ${cert}`,
        "sensuctl cluster health",
      ],
    },
    {
      title: "Roll back a phase",
      paragraphs: [
        "install.sh backs up every file it replaces and prints where. To undo a phase on a host, copy the backups back and restart it, one backend at a time as before. Rolling back is safe across one phase boundary only (the wizard checked that boundary both ways); to go further back, undo the phases in reverse order.",
      ],
    },
  ];
}
