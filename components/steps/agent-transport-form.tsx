import { OPERATOR_CA_PATH } from "@/lib/plan/file-names";
import { installedCaPath } from "@/lib/plan/host-files";
import { issuesFor } from "@/lib/plan/issues";
import { agentConfig } from "@/lib/sensu/agent-config";
import { sensuctlSnippets } from "@/lib/sensu/sensuctl";
import { urlHostField } from "@/lib/wizard/parse-transport";
import { setUrlHost } from "@/lib/wizard/update";

import { ConfigPreview } from "../artifacts/config-preview";
import { CodeBlock } from "../ui/code-block";
import { TextField } from "../ui/text-field";
import { WithResolvedPlan } from "./resolved-plan";
import type { StepFormProps } from "./step-form-props";

export function AgentTransportForm({ input, onChange, check, state: { resolved } }: StepFormProps) {
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="hosts-heading" className="flex flex-col gap-3">
        <h2 id="hosts-heading" className="text-lg font-semibold">
          How agents and sensuctl reach each backend
        </h2>
        <p className="text-sm text-slate-700">
          Agents dial wss://HOST:8081 for every member, so they fail over; sensuctl dials https://HOST:8080. The host
          must be one of that backend certificate's names.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {input.backends.rows.map((row) => (
            <TextField
              key={row.id}
              id={urlHostField(row)}
              label={`Host for ${row.name.trim() || "this backend"}`}
              mono
              placeholder={row.fqdn.trim()}
              value={input.transport.urlHosts[row.id] ?? ""}
              onChange={(host) => onChange((i) => setUrlHost(i, row.id, host))}
              errors={issuesFor(check.errors, urlHostField(row))}
              hint={`Empty: its FQDN, ${row.fqdn.trim() || "once set"}.`}
            />
          ))}
        </div>
      </section>
      <WithResolvedPlan resolved={resolved}>
        {(plan) => (
          <>
            <ConfigPreview
              heading="agent.yml: agent-to-server settings"
              section="agent-transport"
              configs={plan.agents.map((a) => agentConfig(plan, a.commonName))}
            />
            <section className="flex flex-col gap-2">
              <h2 className="text-lg font-semibold">sensuctl</h2>
              <p className="text-sm text-slate-700">
                Over https, verifying the backend with your CA. The CA path must be absolute: on a backend it is
                installed here; on a workstation, the bundle's {OPERATOR_CA_PATH} wherever you keep it.
              </p>
              <CodeBlock
                label="sensuctl configure"
                code={sensuctlSnippets(plan, OPERATOR_CA_PATH, installedCaPath(plan.tlsDir))}
              />
            </section>
          </>
        )}
      </WithResolvedPlan>
    </div>
  );
}
