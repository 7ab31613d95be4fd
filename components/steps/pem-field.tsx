import type { ChangeEvent } from "react";

import { Field, inputClass } from "../ui/field";

/** Largest PEM file read: a CA certificate or key is a few kilobytes. */
const MAX_PEM_BYTES = 256 * 1024;

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
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file)
      onChange(
        file.size > MAX_PEM_BYTES ? `${file.name} is over 256 KB: not a PEM certificate or key.` : await file.text(),
      );
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
          <input
            type="file"
            aria-label={`Load ${label} from a file`}
            accept=".pem,.crt,.key,.cer,text/plain"
            onChange={load}
            className="text-sm"
          />
        </div>
      )}
    </Field>
  );
}
