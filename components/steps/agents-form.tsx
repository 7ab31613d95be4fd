import { issuesFor } from "@/lib/plan/issues";
import { MAX_AGENTS } from "@/lib/wizard/model";
import { addAgent, setAgentValidity } from "@/lib/wizard/update";

import { Button } from "../ui/button";
import { TextField } from "../ui/text-field";
import { AgentBulkEntry } from "./agent-bulk-entry";
import { AgentRows } from "./agent-rows";
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
        With agent mTLS (a commercial feature) the CN is the Sensu user the agent acts as. Two ways: one shared
        certificate, as in the guide, is fine without mTLS; one certificate per agent gives each its own identity and
        lets you revoke one agent without touching the others.
      </p>
      {issuesFor(check.errors, "agents.rows").map((m) => (
        <p key={m} className="text-sm font-medium text-red-700">
          {m}
        </p>
      ))}
      <AgentBulkEntry input={input} onChange={onChange} />
      <AgentRows input={input} onChange={onChange} check={check} />
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
