import { cfsslCaConfig } from "@/lib/bundle/ca-config";
import { KEY_ALGORITHM_LABELS, KEY_ALGORITHMS, type KeyAlgorithmId } from "@/lib/pki/algorithms";
import { issuesFor } from "@/lib/plan/issues";
import type { LeafValidity } from "@/lib/wizard/leaf-validity";
import { MAX_CA_YEARS } from "@/lib/wizard/model";
import { patchCa } from "@/lib/wizard/update";

const GUIDE_LEAF_HOURS = 4320;

import { ChoiceGroup } from "../ui/choice-group";
import { CodeBlock } from "../ui/code-block";
import { Field, inputClass } from "../ui/field";
import { TextField } from "../ui/text-field";
import { CorporateCaFields } from "./corporate-ca-fields";
import { ExistingCaFields } from "./existing-ca-fields";
import type { StepFormProps } from "./step-form-props";
import { validityHint } from "./validity-hint";

export function CaForm(props: StepFormProps) {
  const { input, onChange, check, now, state } = props;
  const { ca, plan } = input;
  const { caHours: hours, newAgentCa, existingChecks } = state.steps.ca.value;
  const loaded = existingChecks.existing;
  const existing = ca.source === "existing";
  const corporate = ca.source === "corporate";
  // ca-config.json shows the validity the next steps resolved, the guide's 4320 h while they are invalid.
  const hoursOf = (v: LeafValidity) => (v.ok ? v.hours : GUIDE_LEAF_HOURS);
  const backendHours = hoursOf(state.steps.backends.value.validity);
  const agentHours = hoursOf(state.steps.agents.value.validity);
  return (
    <div className="flex flex-col gap-6">
      <ChoiceGroup
        name="ca-source"
        legend="Certificate authority"
        value={ca.source}
        columns={3}
        onChange={(source) => onChange((i) => patchCa(i, { source }))}
        choices={[
          {
            value: "new",
            label: "Create a new CA here",
            description: "A fresh CA made in this browser; its key goes into the bundle's ca/ folder, to keep offline.",
          },
          {
            value: "existing",
            label: "Use an existing CA",
            description:
              "Renew with the CA you made last time (or your own): hosts keep trusting it. Its key stays in this tab and is not put in the bundle.",
          },
          {
            value: "corporate",
            label: "My organization's CA signs",
            description:
              "The wizard makes keys and certificate requests; your CA signs them; the wizard then builds the host bundles.",
          },
        ]}
      />
      {corporate && <CorporateCaFields {...props} />}
      {existing && (
        <section aria-labelledby="existing-ca-heading" className="flex flex-col gap-4">
          <h2 id="existing-ca-heading" className="text-lg font-semibold">
            Your CA
          </h2>
          <ExistingCaFields {...props} which="existing" />
          {loaded?.ok && (
            <p role="status" className="text-sm text-emerald-800">
              ✓ “{loaded.commonName}”, {loaded.algorithm ? KEY_ALGORITHM_LABELS[loaded.algorithm] : ""}, valid until{" "}
              {loaded.notAfter.slice(0, 10)}. SHA-256 {loaded.fingerprint.slice(0, 23)}…
            </p>
          )}
          {plan.caLayout === "separate" && (
            <>
              <h2 className="text-lg font-semibold">Your agent CA (optional)</h2>
              <p className="text-sm text-slate-700">
                Load the agent CA too to keep it. Leave both fields empty to make a new agent CA: then every agent needs
                its new certificate, and the backends the new agent-ca.pem, before agents reconnect.
              </p>
              <ExistingCaFields {...props} which="agentExisting" />
            </>
          )}
        </section>
      )}
      <div className="grid gap-6 sm:grid-cols-2">
        {ca.source === "new" && (
          <TextField
            id="ca.commonName"
            label="CA common name"
            value={ca.commonName}
            onChange={(commonName) => onChange((i) => patchCa(i, { commonName }))}
            errors={issuesFor(check.errors, "ca.commonName")}
            hint="The guide uses “Sensu Test CA”. At most 64 characters."
          />
        )}
        {newAgentCa && (
          <TextField
            id="ca.agentCaCommonName"
            label="Agent CA common name"
            value={ca.agentCaCommonName}
            onChange={(agentCaCommonName) => onChange((i) => patchCa(i, { agentCaCommonName }))}
            errors={issuesFor(check.errors, "ca.agentCaCommonName")}
            hint="Signs agent certificates only; etcd never trusts it."
          />
        )}
        {(ca.source === "new" || newAgentCa) && (
          <TextField
            id="ca.validityYears"
            label={existing ? "Validity of the new agent CA" : "Validity"}
            suffix="years"
            inputMode="numeric"
            value={ca.validityYears}
            onChange={(validityYears) => onChange((i) => patchCa(i, { validityYears }))}
            errors={issuesFor(check.errors, "ca.validityYears")}
            hint={
              hours
                ? validityHint(now, hours, `cfssl's default is 5 years. At most ${MAX_CA_YEARS}.`)
                : `cfssl's default is 5 years. At most ${MAX_CA_YEARS}.`
            }
          />
        )}
        {(ca.source === "new" || newAgentCa) && (
          <Field id="ca.keyAlgorithm" label={existing ? "New agent CA key algorithm" : "CA key algorithm"}>
            {(describedBy) => (
              <select
                id="ca.keyAlgorithm"
                className={inputClass(false)}
                aria-describedby={describedBy}
                value={ca.keyAlgorithm}
                onChange={(e) =>
                  onChange((i) => patchCa(i, { keyAlgorithm: e.target.value as KeyAlgorithmId | "plan" }))
                }
              >
                <option value="plan">Same as the plan ({KEY_ALGORITHM_LABELS[plan.keyAlgorithm]})</option>
                {KEY_ALGORITHMS.map((a) => (
                  <option key={a} value={a}>
                    {KEY_ALGORITHM_LABELS[a]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      {!corporate && (
        <>
          <p className="text-sm text-slate-700">
            The CA gets basic constraints CA:true and key usages certificate and CRL signing, both critical, and no
            extended key usage: an EKU on a CA restricts everything it signs, and etcd then rejects peers with
            “incompatible key usage”.
          </p>
          <section className="flex flex-col gap-2">
            <h2 className="text-lg font-semibold">Signing profiles (ca-config.json)</h2>
            <p className="text-sm text-slate-700">
              The guide's profiles, with the validity you choose on the next two steps. The wizard issues with these
              usages (ECDSA keys leave out key encipherment, which only RSA keys can do); the file is in the bundle so
              you can keep issuing with <code>cfssl gencert -config=ca-config.json -profile=backend</code>.
            </p>
            <CodeBlock label="ca-config.json" code={cfsslCaConfig(backendHours, agentHours)} />
          </section>
        </>
      )}
    </div>
  );
}
