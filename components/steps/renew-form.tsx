import { issuesFor } from "@/lib/plan/issues";
import { CRITICAL_FIELD, MAX_EXPIRY_DAYS, WARNING_FIELD } from "@/lib/wizard/parse-renew";
import { patchRenew } from "@/lib/wizard/update";

import { CertificateLoader } from "../artifacts/certificate-loader";
import { ExpiryChecksPreview } from "../artifacts/expiry-checks-preview";
import { RenewalRunbook } from "../artifacts/renewal-runbook";
import { Notice } from "../ui/notice";
import { TextField } from "../ui/text-field";
import { CaLifecycleFields } from "./ca-lifecycle-fields";
import { WithResolvedPlan } from "./resolved-plan";
import type { StepFormProps } from "./step-form-props";

export function RenewForm(props: StepFormProps) {
  const {
    input,
    onChange,
    check,
    now,
    state: { resolved },
  } = props;
  const at = (field: string) => ({
    errors: issuesFor(check.errors, field),
    warnings: issuesFor(check.warnings, field),
  });
  return (
    <div className="flex flex-col gap-8">
      <Notice>
        <p>
          Certificates expire quietly. An expired agent certificate causes no error and no log message; expired backend
          certificates take etcd down, and with it the cluster. Load what you have deployed to see when each certificate
          ends, add checks that alert in time, and renew one backend at a time.
        </p>
      </Notice>

      <section aria-labelledby="renew-loaded" className="flex flex-col gap-3">
        <h2 id="renew-loaded" className="text-lg font-semibold">
          Your certificates
        </h2>
        <p className="text-sm text-slate-700">
          Like <code className="font-mono text-xs">openssl x509 -text -noout</code>, for a whole bundle at once. Nothing
          you load here is uploaded or saved; leaving this step forgets it.
        </p>
        <CertificateLoader now={now} />
      </section>

      <CaLifecycleFields {...props} which="ca" />
      {input.plan.caLayout === "separate" && <CaLifecycleFields {...props} which="agentCa" />}

      <section aria-labelledby="renew-checks" className="flex flex-col gap-3">
        <h2 id="renew-checks" className="text-lg font-semibold">
          Expiry checks that alert
        </h2>
        <p className="text-sm text-slate-700">
          The guide&apos;s check runs <code className="font-mono text-xs">openssl x509 -noout -enddate</code>, which
          prints the date and always exits 0: Sensu reads exit codes, so it never alerts, not even for an expired
          certificate. These checks use <code className="font-mono text-xs">openssl x509 -checkend</code> and exit 1
          (WARNING) or 2 (CRITICAL).
        </p>
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField
            id={WARNING_FIELD}
            label="Warning threshold"
            inputMode="numeric"
            suffix="days before expiry"
            value={input.renew.warningDays}
            onChange={(warningDays) => onChange((i) => patchRenew(i, { warningDays }))}
            hint={`Whole days, 1 to ${MAX_EXPIRY_DAYS}. Enough time to issue and roll out new certificates.`}
            {...at(WARNING_FIELD)}
          />
          <TextField
            id={CRITICAL_FIELD}
            label="Critical threshold"
            inputMode="numeric"
            suffix="days before expiry"
            value={input.renew.criticalDays}
            onChange={(criticalDays) => onChange((i) => patchRenew(i, { criticalDays }))}
            hint="Fewer days than the warning: the last call, with time left to renew one backend at a time."
            {...at(CRITICAL_FIELD)}
          />
        </div>
        <WithResolvedPlan resolved={resolved}>{(plan) => <ExpiryChecksPreview plan={plan} />}</WithResolvedPlan>
      </section>

      <section aria-labelledby="renew-runbook" className="flex flex-col gap-3">
        <h2 id="renew-runbook" className="text-lg font-semibold">
          Renewal runbook
        </h2>
        <WithResolvedPlan resolved={resolved}>{(plan) => <RenewalRunbook plan={plan} />}</WithResolvedPlan>
      </section>
    </div>
  );
}
