import { PHASE_TITLES } from "@/lib/plan/ca-transition";
import { issuesFor } from "@/lib/plan/issues";
import { type CaLifecycleInput, defaultCaLifecycle, MAX_CA_YEARS } from "@/lib/wizard/model";
import { ACTION_FIELD, CA_YEARS_FIELD, NEW_NAME_FIELD, PREVIOUS_CA_FIELD } from "@/lib/wizard/parse-ca-lifecycle";
import { lifecycleOf, nextPhase } from "@/lib/wizard/rotation-ca-check";

import { ChoiceGroup } from "../ui/choice-group";
import { Notice } from "../ui/notice";
import { TextField } from "../ui/text-field";
import { PemField } from "./pem-field";
import type { StepFormProps } from "./step-form-props";

const PHASE_WORDS = {
  1: "Every trust file (etcd's, Sensu's, the agents', sensuctl's, the OS store) gets the new CA and keeps the old one; certificates are still the old CA's. The new CA gets the key algorithm set on Create a CA, by default the Plan step's (the moment to move from RSA to ECDSA); its key is in this bundle's ca/: keep it, it signs phases 2 and 3.",
  2: "Every backend and agent certificate is re-issued by the new CA; trust files still hold both CAs, so hosts not yet restarted accept the new certificates and vice versa.",
  3: "Trust files hold only the new CA. Start it only once every host runs phase 2's certificates.",
} as const;

/**
 * The Renew step's CA part: keep the CA, renew it in place, or the next phase of a rotation. The
 * download itself stays on the Download step, through the same checks as every bundle.
 */
export function CaLifecycleFields({ input, onChange, check, state }: StepFormProps) {
  const l = lifecycleOf(input);
  const set = (patch: Partial<CaLifecycleInput>) =>
    onChange((i) => ({ ...i, renew: { ...i.renew, ca: { ...(i.renew.ca ?? defaultCaLifecycle()), ...patch } } }));
  const at = (field: string) => ({
    errors: issuesFor(check.errors, field),
    warnings: issuesFor(check.warnings, field),
  });
  const value = state.steps.renew.value.ca;
  const phase = nextPhase(l);
  const actionIssues = at(ACTION_FIELD);
  return (
    <section aria-labelledby="renew-ca" className="flex flex-col gap-3">
      <h2 id="renew-ca" className="text-lg font-semibold">
        The CA itself
      </h2>
      <p className="text-sm text-slate-700" aria-live="polite">
        {value?.caDaysLeft != null
          ? `The loaded CA has ${value.caDaysLeft} days left.`
          : "Load the CA certificate and key on Create a CA (Use an existing CA) to renew or rotate it."}{" "}
        Restarting backends one by one with a brand-new CA splits the etcd cluster: a restarted member trusts only the
        new CA and refuses its peers. Both options below keep a rolling restart working.
      </p>
      <div aria-live="polite">
        {actionIssues.warnings.map((w) => (
          <Notice key={w} tone="warning">
            {w}
          </Notice>
        ))}
      </div>
      <ChoiceGroup
        name={ACTION_FIELD}
        legend="What to do with the CA"
        value={l.action}
        onChange={(action) => set({ action })}
        errors={actionIssues.errors}
        choices={[
          { value: "keep", label: "Keep it", description: "Re-issue certificates with the loaded CA as it is." },
          {
            value: "renew",
            label: "Renew it in place (recommended while its key is sound)",
            description:
              "A new CA certificate with the same name, key and key identifier and a new validity. Old and new certificates verify against either, so one rolling restart in any order. Only before the CA expires.",
          },
          {
            value: "rotate",
            label: "Rotate to a new CA key (compromise, or RSA to ECDSA)",
            description:
              "Three bundles, one rolling restart each: trust both CAs, then new certificates, then drop the old CA. Load this bundle's plan file to get the next phase.",
          },
        ]}
      />
      {l.action === "rotate" && (
        <Notice>
          <p className="font-medium">{PHASE_TITLES[phase]}</p>
          <p>{PHASE_WORDS[phase]}</p>
        </Notice>
      )}
      {l.action === "rotate" && phase === 1 && (
        <TextField
          id={NEW_NAME_FIELD}
          label="New CA name (CN)"
          value={l.newCommonName}
          onChange={(newCommonName) => set({ newCommonName })}
          hint="Another name than the old CA's, e.g. with the year: hosts hold both for a while."
          {...at(NEW_NAME_FIELD)}
        />
      )}
      {(l.action === "renew" || (l.action === "rotate" && phase === 1)) && (
        <TextField
          id={CA_YEARS_FIELD}
          label={l.action === "renew" ? "Renewed CA validity" : "New CA validity"}
          inputMode="numeric"
          suffix="years"
          value={l.validityYears}
          onChange={(validityYears) => set({ validityYears })}
          hint={`Whole years, 1 to ${MAX_CA_YEARS}.`}
          {...at(CA_YEARS_FIELD)}
        />
      )}
      {l.action === "rotate" && phase === 2 && (
        <PemField
          id={PREVIOUS_CA_FIELD}
          label="Old CA certificate (still trusted in phase 2)"
          hint="Filled from the phase-1 plan file; it must be the CA the rotation started from."
          value={l.previousCaPem}
          onChange={(previousCaPem) => set({ previousCaPem })}
          {...at(PREVIOUS_CA_FIELD)}
        />
      )}
    </section>
  );
}
