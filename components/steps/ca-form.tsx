import { KEY_ALGORITHM_LABELS, KEY_ALGORITHMS, type KeyAlgorithmId } from "@/lib/pki/algorithms";
import { cfsslCaConfig } from "@/lib/bundle/ca-config";
import { caValidityHours } from "@/lib/wizard/check-validity";
import { issuesFor } from "@/lib/wizard/issues";
import { MAX_CA_YEARS } from "@/lib/wizard/model";
import { patchCa } from "@/lib/wizard/update";
import { CodeBlock } from "../ui/code-block";
import { Field, inputClass } from "../ui/field";
import { TextField } from "../ui/text-field";
import { validityHint } from "./validity-hint";
import type { StepFormProps } from "./step-form-props";

export function CaForm({ input, onChange, check, now }: StepFormProps) {
  const { ca, plan } = input;
  const hours = caValidityHours(input);
  const backendHours = Number(input.backends.validityHours) || 4320;
  const agentHours = Number(input.agents.validityHours) || 4320;
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField id="ca.commonName" label="CA common name" value={ca.commonName} onChange={(commonName) => onChange((i) => patchCa(i, { commonName }))} errors={issuesFor(check.errors, "ca.commonName")} hint="The guide uses “Sensu Test CA”. At most 64 characters." />
        {plan.caLayout === "separate" && (
          <TextField id="ca.agentCaCommonName" label="Agent CA common name" value={ca.agentCaCommonName} onChange={(agentCaCommonName) => onChange((i) => patchCa(i, { agentCaCommonName }))} errors={issuesFor(check.errors, "ca.agentCaCommonName")} hint="Signs agent certificates only; etcd never trusts it." />
        )}
        <TextField id="ca.validityYears" label="Validity" suffix="years" inputMode="numeric" value={ca.validityYears} onChange={(validityYears) => onChange((i) => patchCa(i, { validityYears }))} errors={issuesFor(check.errors, "ca.validityYears")} hint={hours ? validityHint(now, hours, `cfssl's default is 5 years. At most ${MAX_CA_YEARS}.`) : `cfssl's default is 5 years. At most ${MAX_CA_YEARS}.`} />
        <Field id="ca.keyAlgorithm" label="CA key algorithm">
          {(describedBy) => (
            <select id="ca.keyAlgorithm" className={inputClass(false)} aria-describedby={describedBy} value={ca.keyAlgorithm} onChange={(e) => onChange((i) => patchCa(i, { keyAlgorithm: e.target.value as KeyAlgorithmId | "plan" }))}>
              <option value="plan">Same as the plan ({KEY_ALGORITHM_LABELS[plan.keyAlgorithm]})</option>
              {KEY_ALGORITHMS.map((a) => (
                <option key={a} value={a}>
                  {KEY_ALGORITHM_LABELS[a]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="text-sm text-slate-700">
        The CA gets basic constraints CA:true and key usages certificate and CRL signing, both critical, and no extended key usage: an EKU on a CA restricts everything it signs, and etcd then rejects peers with “incompatible key usage”.
      </p>
      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">Signing profiles (ca-config.json)</h2>
        <p className="text-sm text-slate-700">
          The guide's profiles, with the validity you choose on the next two steps. The wizard issues with these usages (ECDSA keys leave out key encipherment, which only RSA keys can do); the file is in the bundle so you can keep issuing with <code>cfssl gencert -config=ca-config.json -profile=backend</code>.
        </p>
        <CodeBlock label="ca-config.json" code={cfsslCaConfig(backendHours, agentHours)} />
      </section>
    </div>
  );
}
