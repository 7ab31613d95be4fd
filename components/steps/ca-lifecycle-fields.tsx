import { PHASE_TITLES } from "@/lib/plan/ca-transition";
import { issuesFor } from "@/lib/plan/issues";
import { type CaLifecycleInput, defaultCaLifecycle, MAX_CA_YEARS } from "@/lib/wizard/model";
import { lifecycleField } from "@/lib/wizard/parse-ca-lifecycle";
import { type LifecycleCa, lifecycleOf, nextPhase } from "@/lib/wizard/rotation-ca-check";

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

const AGENT_PHASE_WORDS = {
  1: "Backends' agent-auth-trusted-ca-file gets the new agent CA and keeps the old one; agent certificates are still the old agent CA's. The new agent CA's key is in this bundle's ca/: keep it, it signs phases 2 and 3.",
  2: "Every agent certificate is re-issued by the new agent CA; backends still trust both, so agents not yet updated keep connecting.",
  3: "Backends trust only the new agent CA. Start it only once every agent runs phase 2's certificate.",
} as const;

/**
 * The Renew step's CA part: keep the CA, renew it in place, or the next phase of a rotation. The
 * download itself stays on the Download step, through the same checks as every bundle.
 */
export function CaLifecycleFields({ input, onChange, check, state, which }: StepFormProps & { which: LifecycleCa }) {
  const l = lifecycleOf(input, which);
  const set = (patch: Partial<CaLifecycleInput>) =>
    onChange((i) => ({
      ...i,
      renew: { ...i.renew, [which]: { ...(i.renew[which] ?? defaultCaLifecycle()), ...patch } },
    }));
  const ACTION_FIELD = lifecycleField(which, "action");
  const NEW_NAME_FIELD = lifecycleField(which, "newCommonName");
  const CA_YEARS_FIELD = lifecycleField(which, "validityYears");
  const PREVIOUS_CA_FIELD = lifecycleField(which, "previousCaPem");
  const label = which === "ca" ? "CA" : "agent CA";
  const at = (field: string) => ({
    errors: issuesFor(check.errors, field),
    warnings: issuesFor(check.warnings, field),
  });
  const value = state.steps.renew.value[which];
  const phase = nextPhase(l);
  const actionIssues = at(ACTION_FIELD);
  return (
    <section aria-labelledby={`renew-${which}`} className="flex flex-col gap-3">
      <h2 id={`renew-${which}`} className="text-lg font-semibold">
        {which === "ca" ? "The CA itself" : "The agent CA"}
      </h2>
      <p className="text-sm text-slate-700" aria-live="polite">
        {value?.caDaysLeft != null
          ? `The loaded ${label} has ${value.caDaysLeft} days left.`
          : `Load the ${label} certificate and key on Create a CA (Use an existing CA) to renew or rotate it.`}{" "}
        {which === "ca"
          ? "Restarting backends one by one with a brand-new CA splits the etcd cluster: a restarted member trusts only the new CA and refuses its peers. Both options below keep a rolling restart working."
          : "The agent CA signs agent certificates only, which backends check with agent-auth-trusted-ca-file: it is renewed or rotated on its own schedule, and both options below keep agents connected through the rolling restart."}
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
        legend={`What to do with the ${label}`}
        value={l.action}
        onChange={(action) => set({ action })}
        errors={actionIssues.errors}
        choices={[
          { value: "keep", label: "Keep it", description: `Re-issue certificates with the loaded ${label} as it is.` },
          {
            value: "renew",
            label: "Renew it in place (recommended while its key is sound)",
            description:
              "A new CA certificate with the same name, key and key identifier and a new validity. Old and new certificates verify against either, so one rolling restart in any order. Only before the CA expires.",
          },
          {
            value: "rotate",
            label: `Rotate to a new ${label} key (compromise, or RSA to ECDSA)`,
            description:
              "Three bundles, one rolling restart each: trust both CAs, then new certificates, then drop the old CA. Load this bundle's plan file to get the next phase.",
          },
        ]}
      />
      {l.action === "rotate" && (
        <Notice>
          <p className="font-medium">{PHASE_TITLES[phase]}</p>
          <p>{(which === "ca" ? PHASE_WORDS : AGENT_PHASE_WORDS)[phase]}</p>
        </Notice>
      )}
      {l.action === "rotate" && phase === 1 && (
        <TextField
          id={NEW_NAME_FIELD}
          label={`New ${label} name (CN)`}
          value={l.newCommonName}
          onChange={(newCommonName) => set({ newCommonName })}
          hint={`Another name than the old ${label}'s, e.g. with the year: hosts hold both for a while.`}
          {...at(NEW_NAME_FIELD)}
        />
      )}
      {(l.action === "renew" || (l.action === "rotate" && phase === 1)) && (
        <TextField
          id={CA_YEARS_FIELD}
          label={l.action === "renew" ? `Renewed ${label} validity` : `New ${label} validity`}
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
          label={`Old ${label} certificate (still trusted in phase 2)`}
          hint={`Filled from the phase-1 plan file; it must be the ${label} the rotation started from.`}
          value={l.previousCaPem}
          onChange={(previousCaPem) => set({ previousCaPem })}
          {...at(PREVIOUS_CA_FIELD)}
        />
      )}
    </section>
  );
}
