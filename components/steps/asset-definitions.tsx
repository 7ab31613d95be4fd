import { MAX_PASTED_TEXT } from "@/lib/files/caps";
import type { Texts } from "@/lib/files/read-files";
import { issuesFor } from "@/lib/plan/issues";
import { patchAssets } from "@/lib/wizard/update";

import { ReadFileInput } from "../files/read-file-input";
import { Field, inputClass } from "../ui/field";
import { Notice } from "../ui/notice";
import { usePasteGuard } from "../ui/paste-guard";
import type { StepFormProps } from "./step-form-props";

/** Paste definitions or load them from files (YAML or JSON, one or many documents). */
export function AssetDefinitions({ input, onChange, check }: StepFormProps) {
  const { assets } = input;
  const paste = usePasteGuard(MAX_PASTED_TEXT, "Load the definitions as files instead (below).");
  const definitionErrors = issuesFor(check.errors, "assets.definitions");
  const load = ({ texts: read }: Texts) => {
    if (read.length === 0) return;
    onChange((i) =>
      patchAssets(i, { files: [...i.assets.files.filter((f) => !read.some((r) => r.name === f.name)), ...read] }),
    );
  };
  return (
    <section aria-labelledby="definitions-heading" className="flex flex-col gap-3">
      <h2 id="definitions-heading" className="text-lg font-semibold">
        Asset definitions
      </h2>
      {assets.definitionsNotSaved && assets.pasted === "" && assets.files.length === 0 && (
        <Notice tone="warning">
          <p>
            Your asset definitions named download headers, which often hold credentials, so they were kept in memory
            only and are gone after the reload. Paste or load them again.
          </p>
        </Notice>
      )}
      <Field
        id="assets.pasted"
        label="Paste Asset definitions (YAML or JSON)"
        errors={paste.refused ? [paste.refused, ...definitionErrors] : definitionErrors}
        hint="As Sensu and Bonsai publish them: one or many documents, separated by --- in YAML. Definitions with download headers are never saved in this browser."
      >
        {(describedBy, invalid) => (
          <textarea
            id="assets.pasted"
            rows={8}
            spellCheck={false}
            value={assets.pasted}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            {...paste.guard}
            onChange={(e) => {
              paste.clear();
              const pasted = e.target.value;
              onChange((i) => patchAssets(i, { pasted }));
            }}
            className={`${inputClass(invalid)} font-mono text-xs`}
          />
        )}
      </Field>
      <div className="flex flex-col gap-2">
        <ReadFileInput
          id="assets.files"
          label="Or load definition files"
          accept=".yml,.yaml,.json,application/json,text/yaml"
          multiple
          purpose="asset-definitions"
          onRead={load}
        />
        {assets.files.length > 0 && (
          <ul aria-label="Loaded definition files" className="flex flex-col gap-1 text-sm">
            {assets.files.map((f) => (
              <li key={f.name} className="flex items-center gap-3">
                <span className="font-mono text-xs">{f.name}</span>
                <button
                  type="button"
                  className="rounded px-2 text-sky-800 underline"
                  onClick={() =>
                    onChange((i) => patchAssets(i, { files: i.assets.files.filter((x) => x.name !== f.name) }))
                  }
                >
                  Remove {f.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
