import { commonNameProblem } from "../pki/names";
import { AGENT_INDEX_FILE, AGENT_INDEX_PATH, reservedStemProblem } from "../plan/file-names";
import type { FieldIssue } from "../plan/issues";
import { type LeafValidity, leafValidity } from "./leaf-validity";
import { type AgentRow, MAX_AGENTS, type WizardInput } from "./model";
import { agentCnProblem, type IssuerConstraints } from "./name-constraint-checks";
import type { CaValue } from "./parse-ca";
import type { ParseContext, StepParse } from "./step-parse";

export interface AgentsValue {
  validity: LeafValidity;
}

export const agentField = (row: AgentRow): string => `agents.rows.${row.id}.commonName`;

/** Backend FQDNs by their lower-case stem: an agent named like one would share its CSR's file name. */
function backendStems(input: WizardInput): Map<string, string> {
  const stems = new Map<string, string>();
  for (const b of input.backends.rows)
    if (b.fqdn.trim()) stems.set(b.fqdn.trim().toLowerCase(), `the backend ${b.name || b.fqdn}`);
  return stems;
}

export const TOO_MANY_AGENTS = `More than ${MAX_AGENTS.toLocaleString("en")} agent certificates: issue them from an online CA instead, either your organization's ("My organization's CA signs" makes the keys and requests) or cfssl serving the bundle's ca-config.json.`;

/** What an agent name must not clash with: backend FQDNs and the CAs' names. */
export interface AgentNameRules {
  backends: ReadonlyMap<string, string>;
  caNames: readonly string[];
  /** The agent CA's name constraints, when a loaded or organization's CA has any. */
  constraints: IssuerConstraints;
}

export function agentNameRules(input: WizardInput, constraints: IssuerConstraints = []): AgentNameRules {
  return { backends: backendStems(input), caNames: [input.ca.commonName, input.ca.agentCaCommonName], constraints };
}

/**
 * Why a CN cannot name an agent certificate, or null. `seen` holds the lower-cased names before it:
 * the rows above it, or the lines above it in a pasted list, so both say the same.
 */
export function agentNameProblem(cn: string, seen: ReadonlySet<string>, rules: AgentNameRules): string | null {
  const problem = commonNameProblem(cn);
  if (problem) return problem;
  // The CN names the files (NAME.pem) and, with mTLS, the Sensu user the agent acts as.
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(cn))
    return "Use letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit: the CN names the agent's files (agent.pem).";
  const key = cn.toLowerCase();
  if (seen.has(key)) return `Another agent certificate is already named "${cn}".`;
  const reserved = reservedStemProblem(cn);
  if (reserved) return `${reserved}.`;
  if (key === AGENT_INDEX_FILE) return `"${cn}" is taken by the bundle's list of agents (${AGENT_INDEX_PATH}).`;
  const backend = rules.backends.get(key);
  if (backend) return `"${cn}" is taken by ${backend}.`;
  if (rules.caNames.includes(cn)) return "An agent certificate cannot have the same name as a CA.";
  return agentCnProblem(cn, rules.constraints);
}

export function parseAgents(input: WizardInput, ctx: ParseContext, ca: CaValue): StepParse<AgentsValue> {
  const errors: FieldIssue[] = [];
  const { rows } = input.agents;
  if (rows.length === 0) errors.push({ field: "agents.rows", message: "Add at least one agent certificate." });
  if (rows.length > MAX_AGENTS) errors.push({ field: "agents.rows", message: TOO_MANY_AGENTS });
  const rules = agentNameRules(input, ca.nameConstraints.agent);
  const seen = new Set<string>();
  for (const row of rows) {
    const problem = agentNameProblem(row.commonName, seen, rules);
    if (problem) errors.push({ field: agentField(row), message: problem });
    seen.add(row.commonName.toLowerCase());
  }
  const validity = leafValidity(input.agents.validityHours, input, ctx.now, ca, "agent");
  if (!validity.ok) errors.push({ field: "agents.validityHours", message: validity.message });
  const warnings = validity.ok && validity.notice ? [{ field: "agents.validityHours", message: validity.notice }] : [];
  return { value: { validity }, errors, warnings };
}
