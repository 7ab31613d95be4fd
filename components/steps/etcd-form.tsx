import { issuesFor } from "@/lib/plan/issues";
import { backendConfig, etcdClientUrl, peerUrl } from "@/lib/sensu/backend-config";
import { memberField } from "@/lib/wizard/parse-etcd";
import { patchEtcd } from "@/lib/wizard/update";

import { ConfigPreview } from "../artifacts/config-preview";
import { ChoiceGroup } from "../ui/choice-group";
import { Notice } from "../ui/notice";
import { TextField } from "../ui/text-field";
import { WithResolvedPlan } from "./resolved-plan";
import type { StepFormProps } from "./step-form-props";

export function EtcdForm({ input, onChange, check, state: { resolved } }: StepFormProps) {
  const cluster = input.backends.rows.length > 1;
  return (
    <div className="flex flex-col gap-6">
      <Notice>
        <p>
          Every etcd URL is https: with a single http URL etcd only logs a warning and serves plaintext. Client and peer
          certificate auth are on, so only certificates from the CA reach etcd.{" "}
          {cluster ? "Members meet at their node IPs." : "A single backend keeps etcd on localhost."}
        </p>
        <p>Sensu 7 (not yet released) drops etcd for PostgreSQL: this section applies to Sensu 5.x and 6.x.</p>
      </Notice>
      <section aria-labelledby="members-heading" className="flex flex-col gap-2">
        <h2 id="members-heading" className="text-lg font-semibold">
          Members
        </h2>
        <p className="text-sm text-slate-700">
          Each backend is a member named after its unqualified name; change names and addresses on Backend certificates.
        </p>
        <ul className="flex flex-col gap-2">
          {input.backends.rows.map((row, index) => {
            const errors = issuesFor(check.errors, memberField(row.id));
            const member = resolved.ok ? resolved.plan.backends[index] : undefined;
            return (
              <li
                key={row.id}
                id={memberField(row.id)}
                className={`rounded-lg border bg-white p-3 text-sm ${errors.length ? "border-red-400" : "border-slate-200"}`}
              >
                <p className="font-medium text-slate-900">{row.name.trim() || "(no name)"}</p>
                {resolved.ok && member && (
                  <p className="font-mono text-xs text-slate-700">
                    peer {peerUrl(resolved.plan, member)} · client {etcdClientUrl(resolved.plan, member)}
                  </p>
                )}
                {errors.map((m) => (
                  <p key={m} className="mt-1 text-red-800" role="alert">
                    {m}
                  </p>
                ))}
              </li>
            );
          })}
        </ul>
      </section>
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id="etcd.clusterToken"
          label="Initial cluster token"
          mono
          value={input.etcd.clusterToken}
          onChange={(clusterToken) => onChange((i) => patchEtcd(i, { clusterToken }))}
          errors={issuesFor(check.errors, "etcd.clusterToken")}
          hint="The same on every member; keeps them from joining another cluster."
        />
      </div>
      <ChoiceGroup
        name="cluster-state"
        legend="Initial cluster state"
        value={input.etcd.clusterState}
        columns={2}
        onChange={(clusterState) => onChange((i) => patchEtcd(i, { clusterState }))}
        choices={[
          { value: "new", label: "new", description: "A new cluster: every member listed bootstraps it." },
          {
            value: "existing",
            label: "existing",
            description: "Members join a running cluster (add them with sensuctl cluster member-add first).",
          },
        ]}
      />
      <WithResolvedPlan resolved={resolved}>
        {(plan) => (
          <ConfigPreview
            heading="backend.yml: etcd settings"
            section="etcd"
            configs={plan.backends.map((b) => backendConfig(plan, b))}
          />
        )}
      </WithResolvedPlan>
    </div>
  );
}
