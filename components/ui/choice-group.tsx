import type { ReactNode } from "react";

import { FieldMessages } from "./field";

export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  description?: ReactNode;
}

/** A radio group in a fieldset: arrow keys move between choices, as the platform does. */
export function ChoiceGroup<T extends string>({
  name,
  legend,
  value,
  choices,
  onChange,
  columns = 1,
  errors = [],
}: {
  name: string;
  legend: ReactNode;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  columns?: 1 | 2 | 3;
  errors?: readonly string[];
}) {
  const grid = columns === 3 ? "sm:grid-cols-3" : columns === 2 ? "sm:grid-cols-2" : "";
  const msgId = errors.length > 0 ? `${name}-msg` : undefined;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={msgId}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {msgId && <FieldMessages id={msgId} errors={errors} warnings={[]} />}
      <div className={`grid gap-2 ${grid}`}>
        {choices.map((c) => {
          const id = `${name}-${c.value}`;
          const checked = c.value === value;
          return (
            <label
              key={c.value}
              htmlFor={id}
              className={`flex cursor-pointer gap-3 rounded-lg border bg-white p-3 text-sm shadow-sm ${checked ? "border-sky-600 ring-1 ring-sky-600" : "border-slate-300 hover:border-slate-400"}`}
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={c.value}
                checked={checked}
                onChange={() => onChange(c.value)}
                className="mt-0.5 accent-sky-700"
                aria-describedby={c.description ? `${id}-desc` : undefined}
              />
              <span className="flex flex-col gap-0.5">
                <span className="font-medium text-slate-900">{c.label}</span>
                {c.description && (
                  <span id={`${id}-desc`} className="text-slate-600">
                    {c.description}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
