"use client";
import { useState } from "react";

/** Preformatted text with a copy button; for commands and config the user takes elsewhere. */
export function CodeBlock({ label, code }: { label: string; code: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <figure className="overflow-hidden rounded-lg border border-slate-300 bg-slate-900">
      <figcaption className="flex items-center justify-between border-b border-slate-700 px-3 py-1.5 text-xs text-slate-300">
        <span>{label}</span>
        <button
          type="button"
          onClick={copy}
          className="rounded px-2 py-0.5 text-slate-200 hover:bg-slate-700"
          aria-label={`Copy ${label}`}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </figcaption>
      <pre className="overflow-x-auto p-3 text-xs leading-relaxed text-slate-100" tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
