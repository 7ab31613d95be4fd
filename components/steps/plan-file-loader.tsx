import { type ChangeEvent, useState } from "react";

import type { WizardInput } from "@/lib/wizard/model";
import { parsePlanFile } from "@/lib/wizard/plan-file";

import { FieldMessages } from "../ui/field";
import { Notice } from "../ui/notice";

const MAX_PLAN_BYTES = 2_000_000;

/**
 * Restores a deployment from the sensu-tls-plan.json in an earlier bundle. It switches the CA step
 * to "use an existing CA" and remembers the plan's CA fingerprints, so renewing with the same CA is
 * the path of least resistance; a bad file changes nothing.
 */
export function PlanFileLoader({ onChange }: { onChange: (change: (input: WizardInput) => WizardInput) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setLoaded(null);
    if (file.size > MAX_PLAN_BYTES) return setError(`${file.name} is over 2 MB: not a plan file.`);
    const parsed = parsePlanFile(await file.text());
    if (!parsed.ok) return setError(`${file.name}: ${parsed.message}`);
    setError(null);
    const { input, caFingerprints } = parsed.value;
    const corporate = input.ca.source === "corporate";
    onChange(() => ({
      ...input,
      ca: {
        ...input.ca,
        source: corporate ? "corporate" : "existing",
        expectedFingerprints: { ca: caFingerprints.ca, agentCa: caFingerprints.agentCa ?? "" },
      },
    }));
    const next = corporate
      ? "On Create a CA, load the keys-and-CSRs bundle and the signed certificates."
      : `To renew, load the same CA (SHA-256 ${caFingerprints.ca.slice(0, 23)}…) and its key on Create a CA; keys were never in the plan file.`;
    setLoaded(
      `Loaded ${file.name}: ${input.backends.rows.length} backends, ${input.agents.rows.length} agent certificates. ${next}`,
    );
  };
  return (
    <section
      aria-labelledby="plan-file-heading"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="plan-file-heading" className="font-semibold">
        Renewing or extending a deployment?
      </h2>
      <label htmlFor="plan.file" className="text-sm text-slate-700">
        Load the sensu-tls-plan.json from its bundle to restore every input (names, addresses, layout, validity,
        settings).
      </label>
      <input
        id="plan.file"
        type="file"
        accept=".json,.yml,.yaml,application/json"
        onChange={load}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "plan.file-msg" : undefined}
        className="text-sm"
      />
      {error && (
        <div role="alert">
          <FieldMessages id="plan.file-msg" errors={[error]} warnings={[]} />
        </div>
      )}
      <div aria-live="polite">{loaded && <Notice tone="success">{loaded}</Notice>}</div>
    </section>
  );
}
