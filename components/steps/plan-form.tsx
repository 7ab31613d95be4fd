import { KEY_ALGORITHM_LABELS, KEY_ALGORITHMS } from "@/lib/pki/algorithms";
import { issuesFor } from "@/lib/plan/issues";
import { MAX_BACKENDS } from "@/lib/wizard/model";

const VERSION_NOTES: Record<SensuVersion, string> = {
  "5.21": "The last 5.x release; its web UI is open source.",
  "6.0-6.3": "Still falls back to the CN; the wizard puts it in the SANs anyway, so an upgrade changes nothing.",
  "6.4-6.11": "Built with Go 1.16+: host names are checked against SANs only, never the CN.",
  "6.12+": "As 6.4, plus enable-cert-revocation-check, which the wizard writes explicitly.",
};
import { useState } from "react";

import { SENSU_VERSION_LABELS, SENSU_VERSIONS, type SensuVersion } from "@/lib/plan/sensu-version";
import { changeSensuVersion, patchPlan, setBackendCount, setTlsDir } from "@/lib/wizard/update";

import { Checkbox } from "../ui/checkbox";
import { ChoiceGroup } from "../ui/choice-group";
import { Notice } from "../ui/notice";
import { TextField } from "../ui/text-field";
import { PlanFileLoader } from "./plan-file-loader";
import type { StepFormProps } from "./step-form-props";

export function PlanForm({ input, onChange, check }: StepFormProps) {
  const { plan } = input;
  const [versionNotice, setVersionNotice] = useState<string | null>(null);
  const chooseVersion = (version: SensuVersion) => {
    const result = changeSensuVersion(input, version);
    setVersionNotice(result.notice);
    onChange(() => result.input);
  };
  return (
    <div className="flex flex-col gap-8">
      <PlanFileLoader onChange={onChange} />
      <div className="flex flex-col gap-3">
        <ChoiceGroup
          name="sensu-version"
          legend="Sensu Go version"
          value={plan.sensuVersion}
          columns={2}
          onChange={chooseVersion}
          choices={SENSU_VERSIONS.map((v) => ({
            value: v,
            label: SENSU_VERSION_LABELS[v],
            description: VERSION_NOTES[v],
          }))}
        />
        <div aria-live="polite">
          {versionNotice && (
            <Notice tone="warning" title="A setting was dropped">
              <p>{versionNotice}</p>
            </Notice>
          )}
        </div>
      </div>
      <div className="max-w-xs">
        <TextField
          id="plan.backendCount"
          label="Number of backends"
          inputMode="numeric"
          value={plan.backendCount}
          onChange={(raw) => onChange((i) => setBackendCount(i, raw))}
          errors={issuesFor(check.errors, "plan.backendCount")}
          warnings={issuesFor(check.warnings, "plan.backendCount")}
          hint={`1 for a single backend, 3 for the guide's cluster; up to ${MAX_BACKENDS}.`}
        />
      </div>
      <div className="max-w-md">
        <TextField
          id="plan.tlsDir"
          label="Certificate directory on every host"
          mono
          value={plan.tlsDir}
          onChange={(tlsDir) => onChange((i) => setTlsDir(i, tlsDir))}
          errors={issuesFor(check.errors, "plan.tlsDir")}
          hint="The guide's /etc/sensu/tls. backend.yml, agent.yml and install.sh all use it."
        />
      </div>
      <Checkbox
        id="plan.ansible"
        label="Also deploy with Ansible: add an ansible/ folder for the sensu.sensu_go roles"
        checked={plan.ansible === true}
        onChange={(ansible) => onChange((i) => patchPlan(i, { ansible }))}
        description="An inventory, host and group vars and a playbook for the Sensu collection's backend and agent roles, with a copy of the certificates and keys (for ansible-vault). The roles copy files to their own names under /etc/sensu, not the directory above; the same connections are checked for them."
      />
      <ChoiceGroup
        name="ca-layout"
        legend="CA layout"
        value={plan.caLayout}
        columns={2}
        onChange={(caLayout) => onChange((i) => patchPlan(i, { caLayout }))}
        choices={[
          {
            value: "separate",
            label: "Separate agent CA (recommended)",
            description:
              "Agent certificates come from their own CA, which etcd does not trust, so agents' certificates cannot open etcd.",
          },
          {
            value: "single",
            label: "Single CA, as in the guide",
            description:
              "One CA signs everything. etcd then accepts any agent's certificate as a client on port 2379, with full read and write access.",
          },
        ]}
      />
      <ChoiceGroup
        name="key-algorithm"
        legend="Key algorithm for backend and agent keys"
        value={plan.keyAlgorithm}
        columns={3}
        onChange={(keyAlgorithm) => onChange((i) => patchPlan(i, { keyAlgorithm }))}
        choices={KEY_ALGORITHMS.map((a) => ({ value: a, label: KEY_ALGORITHM_LABELS[a] }))}
      />
    </div>
  );
}
