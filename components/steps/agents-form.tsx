import { issuesFor } from "@/lib/plan/issues";
import { MAX_AGENTS } from "@/lib/wizard/model";
import { agentField } from "@/lib/wizard/parse-agents";
import { addAgent, patchAgent, removeAgent, setAgentValidity } from "@/lib/wizard/update";

import { Button } from "../ui/button";
import { TextField } from "../ui/text-field";
import type { StepFormProps } from "./step-form-props";
import { validityHint } from "./validity-hint";

export function AgentsForm({ input, onChange, check, now, state }: StepFormProps) {
  const { rows, validityHours } = input.agents;
  const { validity } = state.steps.agents.value;
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-slate-700">
        Agent certificates are for client authentication only. They carry no host names (no SAN extension at all): an
        agent never accepts connections, and the backend checks the signature and the CN, not a host name. The guide's{" "}
        <code>&quot;hosts&quot;:[&quot;&quot;]</code> would put an empty DNS name in the certificate, which RFC 5280
        forbids.
      </p>
      <p className="text-sm text-slate-700">
        With agent mTLS (a commercial feature) the CN is the Sensu user the agent acts as. One certificate can be shared
        by many agents, as in the guide, or each group of agents can have its own.
      </p>
      {issuesFor(check.errors, "agents.rows").map((m) => (
        <p key={m} className="text-sm font-medium text-red-700">
          {m}
        </p>
      ))}
      <ul className="flex flex-col gap-3">
        {rows.map((row, i) => (
          <li key={row.id} className="flex items-start gap-3 rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
            <div className="flex-1">
              <TextField
                id={agentField(row)}
                label={`Agent certificate ${i + 1}: common name`}
                mono
                value={row.commonName}
                onChange={(cn) => onChange((s) => patchAgent(s, row.id, cn))}
                errors={issuesFor(check.errors, agentField(row))}
                hint={`Files: ${row.commonName || "NAME"}.pem and ${row.commonName || "NAME"}-key.pem`}
              />
            </div>
            <Button
              variant="secondary"
              className="mt-6"
              onClick={() => onChange((s) => removeAgent(s, row.id))}
              aria-label={`Remove agent certificate ${i + 1}${row.commonName ? ` (${row.commonName})` : ""}`}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <div>
        <Button variant="secondary" disabled={rows.length >= MAX_AGENTS} onClick={() => onChange(addAgent)}>
          + Add an agent certificate
        </Button>
      </div>
      <div className="max-w-xs">
        <TextField
          id="agents.validityHours"
          label="Validity of agent certificates"
          suffix="hours"
          inputMode="numeric"
          value={validityHours}
          onChange={(raw) => onChange((s) => setAgentValidity(s, raw))}
          errors={issuesFor(check.errors, "agents.validityHours")}
          warnings={issuesFor(check.warnings, "agents.validityHours")}
          hint={
            validity.ok
              ? validityHint(now, validity.hours, "Expired agent certificates fail silently: note the date.")
              : "The guide's 4320h is six months."
          }
        />
      </div>
    </div>
  );
}
