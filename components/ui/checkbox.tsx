import type { ReactNode } from "react";

import { FieldMessages } from "./field";

/** A labelled checkbox; its description and any errors are tied to it with aria-describedby. */
export function Checkbox({
  id,
  label,
  description,
  checked,
  onChange,
  errors = [],
}: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  errors?: readonly string[];
}) {
  const describedBy =
    [errors.length > 0 ? `${id}-msg` : "", description ? `${id}-desc` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex gap-3 text-sm">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 accent-sky-700"
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy}
      />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id} className="font-medium text-slate-900">
          {label}
        </label>
        {description && (
          <p id={`${id}-desc`} className="text-slate-600">
            {description}
          </p>
        )}
        {errors.length > 0 && <FieldMessages id={`${id}-msg`} errors={errors} warnings={[]} />}
      </div>
    </div>
  );
}
