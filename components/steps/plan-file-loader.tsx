import { useState } from "react";

import type { Texts } from "@/lib/files/read-files";
import type { WizardInput } from "@/lib/wizard/model";
import { parsePlanFile } from "@/lib/wizard/plan-file";
import { resumeRotation } from "@/lib/wizard/resume-rotation";

import { ReadFileInput } from "../files/read-file-input";
import { Notice } from "../ui/notice";

/**
 * Restores a deployment from the sensu-tls-plan.json in an earlier bundle. It switches the CA step
 * to "use an existing CA" and remembers the plan's CA fingerprints, so renewing with the same CA is
 * the path of least resistance; a bad file changes nothing.
 */
export function PlanFileLoader({ onChange }: { onChange: (change: (input: WizardInput) => WizardInput) => void }) {
  const [loaded, setLoaded] = useState<string | null>(null);
  const load = ({ texts }: Texts) => {
    setLoaded(null);
    const [file] = texts;
    if (!file) return [];
    const parsed = parsePlanFile(file.text);
    if (!parsed.ok) return [`${file.name}: ${parsed.message}`];
    const { input, caFingerprints } = parsed.value;
    const corporate = input.ca.source === "corporate";
    onChange(() =>
      resumeRotation(
        {
          ...input,
          ca: {
            ...input.ca,
            source: corporate ? "corporate" : "existing",
            expectedFingerprints: { ca: caFingerprints.ca, agentCa: caFingerprints.agentCa ?? "" },
          },
        },
        caFingerprints,
      ),
    );
    const rotation = caFingerprints.rotation;
    const next =
      rotation && rotation.phase < 3
        ? `It records a CA rotation at phase ${rotation.phase}: load the new CA (SHA-256 ${rotation.to.slice(0, 23)}…) and its key from the phase-1 bundle's ca/ on Create a CA, then download phase ${rotation.phase + 1} (Renew step).`
        : corporate
          ? "On Create a CA, load the keys-and-CSRs bundle and the signed certificates."
          : `To renew, load the same CA (SHA-256 ${caFingerprints.ca.slice(0, 23)}…) and its key on Create a CA; keys were never in the plan file.`;
    setLoaded(
      `Loaded ${file.name}: ${input.backends.rows.length} backends, ${input.agents.rows.length} agent certificates. ${next}`,
    );
    return [];
  };
  return (
    <section
      aria-labelledby="plan-file-heading"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="plan-file-heading" className="font-semibold">
        Renewing or extending a deployment?
      </h2>
      <ReadFileInput
        id="plan.file"
        label="Load the sensu-tls-plan.json from its bundle to restore every input (names, addresses, layout, validity, settings)."
        accept=".json,.yml,.yaml,application/json"
        purpose="plan-file"
        onRead={load}
      />
      <div aria-live="polite">{loaded && <Notice tone="success">{loaded}</Notice>}</div>
    </section>
  );
}
