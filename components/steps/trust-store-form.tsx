import { OFFLINE_DIR, OPERATOR_CA_PATH } from "@/lib/plan/file-names";
import { installedCaPath } from "@/lib/plan/host-files";
import { sensuctlSnippets } from "@/lib/sensu/sensuctl";
import { trustStoreSteps } from "@/lib/sensu/trust-store";

import { CodeBlock } from "../ui/code-block";
import { Notice } from "../ui/notice";
import { WithResolvedPlan } from "./resolved-plan";
import type { StepFormProps } from "./step-form-props";

export function TrustStoreForm({ input, state: { resolved } }: StepFormProps) {
  // The plan's directory once every step is valid; until then what was typed on Plan.
  const tlsDir = resolved.ok ? resolved.plan.tlsDir : input.plan.tlsDir;
  return (
    <div className="flex flex-col gap-6">
      <Notice>
        <p>
          Each host's install.sh already puts ca.pem in {tlsDir} for Sensu. Add the CA to the system trust store where
          people or tools reach Sensu: operators' workstations (sensuctl, browsers) and, if you like, the Sensu hosts
          themselves. Trust only ca.pem: never the CA key, which stays in the bundle's {OFFLINE_DIR}/ folder, offline.
        </p>
      </Notice>
      {trustStoreSteps(installedCaPath(tlsDir), OPERATOR_CA_PATH).map((step) => (
        <section key={step.platform} className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">{step.platform}</h2>
          <CodeBlock label={`${step.platform} commands`} code={step.commands.join("\n")} />
          <p className="text-sm text-slate-700">{step.note}</p>
        </section>
      ))}
      <WithResolvedPlan resolved={resolved}>
        {(plan) => (
          <section className="flex flex-col gap-2">
            <h2 className="text-lg font-semibold">Then sensuctl</h2>
            <CodeBlock
              label="sensuctl configure"
              code={sensuctlSnippets(plan, OPERATOR_CA_PATH, installedCaPath(plan.tlsDir))}
            />
          </section>
        )}
      </WithResolvedPlan>
    </div>
  );
}
