"use client";
import type { ChangeEvent, ReactNode } from "react";

import { FieldMessages } from "./field";

export interface FileInputProps {
  id: string;
  label: ReactNode;
  /** For screen readers only, where the field the file loads into is labelled on screen already. */
  labelHidden?: boolean;
  hint?: ReactNode;
  /** File types offered in the picker, as for <input accept>. */
  accept: string;
  multiple?: boolean;
  /** Why the last pick was not (or not all) read, and any check on its content. */
  errors?: readonly string[];
  /** Gets the picked files themselves, unread: reading them is the reading Worker's job. */
  onPick: (files: File[]) => void;
  /** Shown under the input while the picked files are read: a progress bar and its Cancel. */
  children?: ReactNode;
}

/**
 * The one file input: a native <input type="file"> (keyboard use and the focus ring come with it),
 * labelled, with its errors in a live region tied to it by aria-describedby and aria-invalid.
 */
export function FileInput({
  id,
  label,
  labelHidden = false,
  hint,
  accept,
  multiple = false,
  errors = [],
  onPick,
  children,
}: FileInputProps) {
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    // Cleared, so picking the same file again (after fixing it) is a change too.
    event.target.value = "";
    if (picked.length > 0) onPick(picked);
  };
  const messages = [...new Set(errors)];
  const msgId = `${id}-msg`;
  const hintId = `${id}-hint`;
  const describedBy = [messages.length > 0 ? msgId : "", hint ? hintId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelHidden ? "sr-only" : "text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        onChange={pick}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={describedBy}
        className="text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
      />
      {children}
      {/* Always in the page, so screen readers announce a message as it appears. */}
      <div role="alert">{messages.length > 0 && <FieldMessages id={msgId} errors={messages} warnings={[]} />}</div>
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}
