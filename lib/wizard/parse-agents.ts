import { commonNameProblem } from "../pki/names";
import { reservedStemProblem } from "../plan/file-names";
import type { FieldIssue } from "../plan/issues";
import { type LeafValidity, leafValidity } from "./leaf-validity";
import { type AgentRow, MAX_AGENTS, type WizardInput } from "./model";
import { agentCnProblem } from "./name-constraint-checks";
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

export function parseAgents(input: WizardInput, ctx: ParseContext, ca: CaValue): StepParse<AgentsValue> {
  const errors: FieldIssue[] = [];
  if (input.agents.rows.length === 0)
    errors.push({ field: "agents.rows", message: "Add at least one agent certificate." });
  if (input.agents.rows.length > MAX_AGENTS)
    errors.push({
      field: "agents.rows",
      message: `At most ${MAX_AGENTS.toLocaleString("en-US")} agent certificates are supported.`,
    });
  const backends = backendStems(input);
  const seen = new Set<string>();
  for (const row of input.agents.rows) {
    const cn = row.commonName;
    const problem = commonNameProblem(cn);
    const reserved = reservedStemProblem(cn);
    const key = cn.toLowerCase();
    if (problem) errors.push({ field: agentField(row), message: problem });
    else if (!/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(cn)) {
      // The CN names the files (NAME.pem) and, with mTLS, the Sensu user the agent acts as.
      errors.push({
        field: agentField(row),
        message:
          "Use letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit: the CN names the agent's files (agent.pem).",
      });
    } else if (seen.has(key))
      errors.push({ field: agentField(row), message: `Another agent certificate is already named "${cn}".` });
    else if (reserved) errors.push({ field: agentField(row), message: `${reserved}.` });
    else if (backends.has(key))
      errors.push({ field: agentField(row), message: `"${cn}" is taken by ${backends.get(key)}.` });
    else if (cn === input.ca.commonName || cn === input.ca.agentCaCommonName)
      errors.push({ field: agentField(row), message: "An agent certificate cannot have the same name as a CA." });
    else {
      const constrained = agentCnProblem(cn, ca.nameConstraints.agent);
      if (constrained) errors.push({ field: agentField(row), message: constrained });
    }
    seen.add(key);
  }
  const validity = leafValidity(input.agents.validityHours, input, ctx.now, ca, "agent");
  if (!validity.ok) errors.push({ field: "agents.validityHours", message: validity.message });
  const warnings = validity.ok && validity.notice ? [{ field: "agents.validityHours", message: validity.notice }] : [];
  return { value: { validity }, errors, warnings };
}
