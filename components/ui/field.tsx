import type { ReactNode } from "react";

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  warnings?: readonly string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** Label, control, hint and the messages for one field, wired with aria-describedby. */
export function Field({ id, label, hint, errors = [], warnings = [], children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const msgId = errors.length + warnings.length > 0 ? `${id}-msg` : undefined;
  const describedBy = [msgId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children(describedBy, errors.length > 0)}
      {msgId && <FieldMessages id={msgId} errors={errors} warnings={warnings} />}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

export function FieldMessages({
  id,
  errors,
  warnings,
}: {
  id: string;
  errors: readonly string[];
  warnings: readonly string[];
}) {
  return (
    <div id={id} className="flex flex-col gap-0.5 text-sm">
      {errors.map((m) => (
        <p key={m} className="font-medium text-red-700" data-field-error>
          <span aria-hidden="true">✕ </span>
          {m}
        </p>
      ))}
      {warnings.map((m) => (
        <p key={m} className="text-amber-800">
          <span aria-hidden="true">⚠ </span>
          {m}
        </p>
      ))}
    </div>
  );
}

export const inputClass = (invalid: boolean) =>
  `w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${invalid ? "border-red-600 ring-1 ring-red-600" : "border-slate-300"}`;
