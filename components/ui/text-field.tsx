import type { ReactNode } from "react";

import { MAX_LINE_TEXT } from "@/lib/files/caps";

import { Field, inputClass } from "./field";
import { usePasteGuard } from "./paste-guard";

export interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  errors?: readonly string[];
  warnings?: readonly string[];
  inputMode?: "text" | "numeric";
  placeholder?: string;
  suffix?: string;
  mono?: boolean;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  errors,
  warnings,
  inputMode,
  placeholder,
  suffix,
  mono,
}: TextFieldProps) {
  const paste = usePasteGuard(MAX_LINE_TEXT, "Paste only the value this field asks for.");
  const shown = paste.refused ? [paste.refused, ...(errors ?? [])] : errors;
  return (
    <Field id={id} label={label} hint={hint} errors={shown} warnings={warnings}>
      {(describedBy, invalid) => (
        <div className="flex items-center gap-2">
          <input
            id={id}
            name={id}
            type="text"
            value={value}
            inputMode={inputMode}
            placeholder={placeholder}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            {...paste.guard}
            onChange={(e) => {
              paste.clear();
              onChange(e.target.value);
            }}
            className={`${inputClass(invalid)} ${mono ? "font-mono" : ""}`}
          />
          {suffix && <span className="shrink-0 text-sm text-slate-600">{suffix}</span>}
        </div>
      )}
    </Field>
  );
}
