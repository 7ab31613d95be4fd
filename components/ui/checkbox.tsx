import type { ReactNode } from "react";

/** A labelled checkbox with an optional description tied by aria-describedby. */
export function Checkbox({ id, label, description, checked, onChange }: { id: string; label: ReactNode; description?: ReactNode; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="flex gap-3 text-sm">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 accent-sky-700" aria-describedby={description ? `${id}-desc` : undefined} />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id} className="font-medium text-slate-900">
          {label}
        </label>
        {description && (
          <p id={`${id}-desc`} className="text-slate-600">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}
