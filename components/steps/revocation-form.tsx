import { SENSU_VERSION_LABELS } from "@/lib/plan/sensu-version";
import { backendConfig } from "@/lib/sensu/backend-config";
import { setRevocationCheck } from "@/lib/wizard/update";

import { ConfigPreview } from "../artifacts/config-preview";
import { ChoiceGroup } from "../ui/choice-group";
import { Notice } from "../ui/notice";
import { WithResolvedPlan } from "./resolved-plan";
import { RevokeFields } from "./revoke-fields";
import type { StepFormProps } from "./step-form-props";

export function RevocationForm(props: StepFormProps) {
  const { input, onChange } = props;
  // Parsed only where the chosen release has the setting.
  const available = props.state.steps.revocation.value.check !== undefined;
  const { resolved } = props.state;
  return (
    <div className="flex flex-col gap-6">
      <Notice>
        <p>
          A licensed Sensu backend checks CRL and OCSP endpoints for agent mTLS, etcd client and etcd peer connections,
          but only for certificates that name such an endpoint, and it fails open: an unreachable CRL lets the
          certificate through. The certificates issued here name no CRL or OCSP URL unless you ask below, because a URL
          nothing serves breaks mTLS (sensu/sensu-go#4472).
        </p>
      </Notice>
      {available ? (
        <ChoiceGroup
          name="revocation-check"
          legend="enable-cert-revocation-check (Sensu 6.12 and later, commercial)"
          value={input.revocation.check}
          columns={2}
          onChange={(check) => onChange((i) => setRevocationCheck(i, check))}
          choices={[
            {
              value: "on",
              label: "true",
              description: "Check revocation where a certificate names a CRL or OCSP URL.",
            },
            { value: "off", label: "false", description: "Never check revocation." },
          ]}
        />
      ) : (
        <Notice tone="warning">
          <p>
            Sensu {SENSU_VERSION_LABELS[input.plan.sensuVersion]} has no enable-cert-revocation-check setting; from 6.12
            the wizard writes it explicitly, because Sensu's docs disagree on its default.
          </p>
        </Notice>
      )}
      <RevokeFields {...props} />
      <WithResolvedPlan resolved={resolved}>
        {(plan) => (
          <ConfigPreview
            heading="backend.yml: revocation check"
            section="revocation"
            configs={plan.backends.map((b) => backendConfig(plan, b))}
          />
        )}
      </WithResolvedPlan>
    </div>
  );
}
