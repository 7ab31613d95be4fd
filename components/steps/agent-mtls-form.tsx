import { AGENT_USERS_FILE } from "@/lib/bundle/manifest";
import { OPERATOR_DIR } from "@/lib/plan/file-names";
import { agentConfig } from "@/lib/sensu/agent-config";
import { agentUserCommands, agentUsersYaml } from "@/lib/sensu/agent-users";
import { backendConfig } from "@/lib/sensu/backend-config";
import { patchMtls } from "@/lib/wizard/update";

import { ConfigPreview } from "../artifacts/config-preview";
import { ChoiceGroup } from "../ui/choice-group";
import { CodeBlock } from "../ui/code-block";
import { Notice } from "../ui/notice";
import { WithResolvedPlan } from "./resolved-plan";
import type { StepFormProps } from "./step-form-props";

const PASSWORD_PLACEHOLDER = "(random, generated with the keys)";

export function AgentMtlsForm({ input, onChange, state: { resolved } }: StepFormProps) {
  const { mtls } = input;
  return (
    <div className="flex flex-col gap-6">
      <Notice tone="warning" title="Commercial feature">
        <p>
          Agent mTLS needs a licensed Sensu backend. With cert-file and key-file in agent.yml, the agent stops sending
          its password; an open-source backend then refuses it with 401. Without a license, turn it off here: agents
          keep their password and still connect over wss.
        </p>
      </Notice>
      <ChoiceGroup
        name="agent-mtls"
        legend="Agent authentication"
        value={mtls.enabled ? "on" : "off"}
        columns={2}
        onChange={(v) => onChange((i) => patchMtls(i, { enabled: v === "on" }))}
        choices={[
          {
            value: "on",
            label: "Certificates (mTLS)",
            description:
              "Agents present their certificate; backends verify it with the agent CA. Required for secrets management.",
          },
          {
            value: "off",
            label: "Password (the default agent user)",
            description:
              "Agents authenticate as agent / P@ssw0rd! unless you change it; the agent certificates are bundled but unused.",
          },
        ]}
      />
      {mtls.enabled && (
        <ChoiceGroup
          name="bind-users"
          legend="Which Sensu user each certificate becomes"
          value={mtls.bindUsers ? "cn" : "group"}
          columns={2}
          onChange={(v) => onChange((i) => patchMtls(i, { bindUsers: v === "cn" }))}
          choices={[
            {
              value: "group",
              label: "The seeded agent user",
              description: "Every valid agent certificate acts as agent in group system:agents, whatever its CN.",
            },
            {
              value: "cn",
              label: "A user per CN (recommended)",
              description:
                "A Sensu user named after each CN; deleting the system:agent binding then refuses unknown CNs.",
            },
          ]}
        />
      )}
      <WithResolvedPlan resolved={resolved}>
        {(plan) => (
          <>
            <ConfigPreview
              heading="backend.yml: agent authentication"
              section="agent-mtls"
              configs={plan.backends.map((b) => backendConfig(plan, b))}
            />
            <ConfigPreview
              heading="agent.yml: agent certificate"
              section="agent-mtls"
              configs={plan.agents.map((a) => agentConfig(plan, a.commonName))}
            />
            {plan.mtls.enabled && plan.mtls.bindUsers && (
              <section className="flex flex-col gap-2">
                <h2 className="text-lg font-semibold">Users bound to certificate CNs</h2>
                <p className="text-sm text-slate-700">
                  In the bundle as {OPERATOR_DIR}/{AGENT_USERS_FILE} (mode 0600: it holds random passwords nobody
                  types). Apply it from a workstation once agents use their certificates:
                </p>
                <CodeBlock
                  label={AGENT_USERS_FILE}
                  code={agentUsersYaml(
                    plan.agents.map((a) => a.commonName),
                    new Map(plan.agents.map((a) => [a.commonName, PASSWORD_PLACEHOLDER])),
                  )}
                />
                <CodeBlock
                  label="sensuctl commands"
                  code={agentUserCommands(`${OPERATOR_DIR}/${AGENT_USERS_FILE}`).join("\n")}
                />
              </section>
            )}
            <Notice title="Change the seeded agent password">
              <p>
                Sensu seeds the user agent with password P@ssw0rd!, allowed to post events in every namespace. Change
                it: <code>sensuctl user change-password agent --interactive</code>
                {plan.mtls.enabled ? "." : ", and put the new password in each agent.yml (password:)."}
              </p>
            </Notice>
          </>
        )}
      </WithResolvedPlan>
    </div>
  );
}
