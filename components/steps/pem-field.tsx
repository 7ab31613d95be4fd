import { MAX_PASTED_TEXT } from "@/lib/files/caps";
import type { Texts } from "@/lib/files/read-files";

import { ReadFileInput } from "../files/read-file-input";
import { Field, inputClass } from "../ui/field";
import { usePasteGuard } from "../ui/paste-guard";

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
  const paste = usePasteGuard(MAX_PASTED_TEXT, "Paste one PEM file's text, or load the file instead (below).");
  const load = ({ texts }: Texts) => {
    const [file] = texts;
    if (file) onChange(file.text);
  };
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      errors={paste.refused ? [paste.refused, ...errors] : errors}
      warnings={warnings}
    >
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
            {...paste.guard}
            onChange={(e) => {
              paste.clear();
              onChange(e.target.value);
            }}
            className={`${inputClass(invalid)} font-mono text-xs`}
            placeholder="-----BEGIN …-----"
          />
          <ReadFileInput
            id={`${id}.file`}
            label={`Load ${label} from a file`}
            labelHidden
            accept=".pem,.crt,.key,.cer,text/plain"
            purpose="pem"
            onRead={load}
          />
        </div>
      )}
    </Field>
  );
}
