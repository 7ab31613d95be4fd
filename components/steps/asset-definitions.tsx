import { type LoadedFile, readTexts } from "@/lib/files/read-files";
import { issuesFor } from "@/lib/plan/issues";
import { patchAssets } from "@/lib/wizard/update";

import { Field, inputClass } from "../ui/field";
import { FileInput } from "../ui/file-input";
import { Notice } from "../ui/notice";
import type { StepFormProps } from "./step-form-props";

/** Paste definitions or load them from files (YAML or JSON, one or many documents). */
export function AssetDefinitions({ input, onChange, check }: StepFormProps) {
  const { assets } = input;
  const load = (loaded: LoadedFile[]) => {
    const { texts: read, problems } = readTexts(loaded, {
      instead: "the definitions as .yml or .json files, or paste them above",
    });
    onChange((i) =>
      patchAssets(i, { files: [...i.assets.files.filter((f) => !read.some((r) => r.name === f.name)), ...read] }),
    );
    return problems.map((p) => p.reason);
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
        errors={issuesFor(check.errors, "assets.definitions")}
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
            onChange={(e) => onChange((i) => patchAssets(i, { pasted: e.target.value }))}
            className={`${inputClass(invalid)} font-mono text-xs`}
          />
        )}
      </Field>
      <div className="flex flex-col gap-2">
        <FileInput
          id="assets.files"
          label="Or load definition files"
          accept=".yml,.yaml,.json,application/json,text/yaml"
          multiple
          onLoad={load}
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
