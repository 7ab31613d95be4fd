/**
 * The one step registry: navigation, the sidebar, the pager, progress and the e2e walk all read it.
 * Adding a guide section means one entry here and one route folder under app/(wizard)/.
 */
export type StepId =
  | "plan"
  | "ca"
  | "backends"
  | "agents"
  | "etcd"
  | "api"
  | "agent-transport"
  | "agent-mtls"
  | "revocation"
  | "assets"
  | "trust-store"
  | "renew"
  | "download";

export interface GuideRef {
  guide: string;
  section: string;
}

export interface StepDefinition {
  id: StepId;
  /** URL segment; one route folder each. */
  slug: string;
  title: string;
  /** One sentence: what the step covers. */
  summary: string;
  guide: GuideRef;
}

const GENERATE = "Generate certificates (6.3)";
const SECURE = "Secure Sensu (6.2)";

export const STEPS: readonly StepDefinition[] = [
  {
    id: "plan",
    slug: "plan",
    title: "Plan",
    summary: "Sensu version, how many backends, how the CAs are laid out, and the key algorithm.",
    guide: { guide: GENERATE, section: "Prerequisites · Public key infrastructure" },
  },
  {
    id: "ca",
    slug: "ca",
    title: "Create a CA",
    summary: "The certificate authority that signs every backend and agent certificate, and cfssl's signing profiles.",
    guide: { guide: GENERATE, section: "Create a Certificate Authority (CA)" },
  },
  {
    id: "backends",
    slug: "backends",
    title: "Backend certificates",
    summary: "One server-and-client certificate per backend, naming every address it is reached by.",
    guide: { guide: GENERATE, section: "Generate backend cluster certificates" },
  },
  {
    id: "agents",
    slug: "agents",
    title: "Agent certificates",
    summary: "Client certificates that agents present for mTLS authentication.",
    guide: { guide: GENERATE, section: "Generate agent certificate" },
  },
  {
    id: "etcd",
    slug: "etcd",
    title: "etcd peer communication",
    summary:
      "TLS for the embedded etcd: client and peer listeners, certificates and client-certificate auth in backend.yml.",
    guide: { guide: SECURE, section: "Secure etcd peer communication" },
  },
  {
    id: "api",
    slug: "api",
    title: "API and web UI",
    summary: "HTTPS for the Sensu API and web UI, and the api-url the cluster advertises.",
    guide: { guide: SECURE, section: "Secure the API and web UI" },
  },
  {
    id: "agent-transport",
    slug: "agent-transport",
    title: "Agent-to-server communication",
    summary: "Agents connect over wss:// and verify the backend against the CA; sensuctl over https://.",
    guide: { guide: SECURE, section: "Secure Sensu agent-to-server communication" },
  },
  {
    id: "agent-mtls",
    slug: "agent-mtls",
    title: "Agent mTLS authentication",
    summary: "Agents authenticate with their certificate instead of a password (commercial feature).",
    guide: { guide: SECURE, section: "Configure Sensu agent mTLS authentication" },
  },
  {
    id: "revocation",
    slug: "revocation",
    title: "Certificate revocation",
    summary:
      "What Sensu checks for revocation (CRL and OCSP, failing open), the setting that turns it on, and revoking certificates with a signed CRL.",
    guide: { guide: SECURE, section: "Certificate revocation check" },
  },
  {
    id: "assets",
    slug: "assets",
    title: "Dynamic runtime assets and sudo",
    summary: "sudoers rules for asset commands, checked with visudo, without handing out root.",
    guide: { guide: SECURE, section: "Dynamic runtime assets paths and sudo" },
  },
  {
    id: "trust-store",
    slug: "trust-store",
    title: "Install CA certificates",
    summary: "Add the CA to the trust store on Linux, macOS and Windows for the web UI and sensuctl.",
    guide: { guide: GENERATE, section: "Install CA certificates" },
  },
  {
    id: "renew",
    slug: "renew",
    title: "Renew certificates",
    summary: "Expiry checks that alert, and renewing one backend at a time.",
    guide: { guide: GENERATE, section: "Renew self-generated certificates" },
  },
  {
    id: "download",
    slug: "download",
    title: "Review and download",
    summary: "Generate every key and certificate in this browser and download one zip with a folder per host.",
    guide: { guide: GENERATE, section: "Install CA certificates (copying files to hosts)" },
  },
];

export function stepById(id: StepId): StepDefinition {
  const step = STEPS.find((s) => s.id === id);
  if (!step) throw new Error(`unknown step ${id}`);
  return step;
}

export function stepIndex(id: StepId): number {
  return STEPS.findIndex((s) => s.id === id);
}

export function neighbours(id: StepId): { previous?: StepDefinition; next?: StepDefinition } {
  const i = stepIndex(id);
  return { previous: STEPS[i - 1], next: STEPS[i + 1] };
}

export function stepHref(step: StepDefinition): string {
  return `/${step.slug}`;
}
