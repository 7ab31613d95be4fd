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
  return problemAmong(nameProblems(cn, rules), cn, seen);
}

/** A name's problems by itself: its form, then the rules; the duplicate check goes between them. */
interface NameProblems {
  form: string | null;
  rule: string | null;
}

function nameProblems(cn: string, rules: AgentNameRules): NameProblems {
  const form =
    commonNameProblem(cn) ??
    // The CN names the agent's folder in the zip and, with mTLS, the Sensu user the agent acts as.
    (/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(cn)
      ? null
      : "Use letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit: the CN names the agent's folder and, with mTLS, its Sensu user.");
  return { form, rule: form ? null : ruleProblem(cn, rules) };
}

function ruleProblem(cn: string, rules: AgentNameRules): string | null {
  const key = cn.toLowerCase();
  const reserved = reservedStemProblem(cn);
  if (reserved) return `${reserved}.`;
  if (key === AGENT_INDEX_FILE) return `"${cn}" is taken by the bundle's list of agents (${AGENT_INDEX_PATH}).`;
  const backend = rules.backends.get(key);
  if (backend) return `"${cn}" is taken by ${backend}.`;
  if (rules.caNames.includes(cn)) return "An agent certificate cannot have the same name as a CA.";
  return agentCnProblem(cn, rules.constraints);
}

function problemAmong(p: NameProblems, cn: string, seen: ReadonlySet<string>): string | null {
  if (p.form) return p.form;
  if (seen.has(cn.toLowerCase())) return `Another agent certificate is already named "${cn}".`;
  return p.rule;
}

/**
 * Each name's own problems, kept while the rules stay the same: a keystroke in one of 10,000 rows
 * re-checks that row, not the fleet (the page parses on every keystroke). Only the latest rules'
 * answers are kept, so the cache never outgrows one agent list.
 */
let cached: { rules: string; problems: Map<string, NameProblems> } = { rules: "", problems: new Map() };

function cachedProblems(cn: string, rules: AgentNameRules, rulesKey: string): NameProblems {
  if (cached.rules !== rulesKey) cached = { rules: rulesKey, problems: new Map() };
  let problems = cached.problems.get(cn);
  if (!problems) cached.problems.set(cn, (problems = nameProblems(cn, rules)));
  return problems;
}

export function parseAgents(input: WizardInput, ctx: ParseContext, ca: CaValue): StepParse<AgentsValue> {
  const errors: FieldIssue[] = [];
  const { rows } = input.agents;
  if (rows.length === 0) errors.push({ field: "agents.rows", message: "Add at least one agent certificate." });
  if (rows.length > MAX_AGENTS) errors.push({ field: "agents.rows", message: TOO_MANY_AGENTS });
  const rules = agentNameRules(input, ca.nameConstraints.agent);
  const rulesKey = JSON.stringify([[...rules.backends], rules.caNames, rules.constraints]);
  const seen = new Set<string>();
  for (const row of rows) {
    const problem = problemAmong(cachedProblems(row.commonName, rules, rulesKey), row.commonName, seen);
    if (problem) errors.push({ field: agentField(row), message: problem });
    seen.add(row.commonName.toLowerCase());
  }
  const validity = leafValidity(input.agents.validityHours, input, ctx.now, ca, "agent");
  if (!validity.ok) errors.push({ field: "agents.validityHours", message: validity.message });
  const warnings = validity.ok && validity.notice ? [{ field: "agents.validityHours", message: validity.notice }] : [];
  return { value: { validity }, errors, warnings };
}
