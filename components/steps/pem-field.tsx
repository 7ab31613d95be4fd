import { type LoadedFile, readTexts } from "@/lib/files/read-files";

import { Field, inputClass } from "../ui/field";
import { FileInput } from "../ui/file-input";

/** A PEM pasted or loaded from a file. Spell-check is off: some browsers send text to a server for it. */
export function PemField({
  id,
  label,
  hint,
  value,
  onChange,
  errors,
  warnings,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (text: string) => void;
  errors: readonly string[];
  warnings?: readonly string[];
}) {
  // The file's text goes into the field, where it is checked like a paste; a file that is no text stays out.
  const load = (files: LoadedFile[]) => {
    const { texts, problems } = readTexts(files, { instead: "the PEM file, whose text starts with -----BEGIN" });
    const [file] = texts;
    if (file) onChange(file.text);
    return problems.map((p) => p.reason);
  };
  return (
    <Field id={id} label={label} hint={hint} errors={errors} warnings={warnings}>
      {(describedBy, invalid) => (
        <div className="flex flex-col gap-2">
          <textarea
            id={id}
            rows={5}
            spellCheck={false}
            autoComplete="off"
            value={value}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
            className={`${inputClass(invalid)} font-mono text-xs`}
            placeholder="-----BEGIN …-----"
          />
          <FileInput
            id={`${id}.file`}
            label={`Load ${label} from a file`}
            labelHidden
            accept=".pem,.crt,.key,.cer,text/plain"
            onLoad={load}
          />
        </div>
      )}
    </Field>
  );
}
