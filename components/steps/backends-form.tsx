import type { San } from "@/lib/pki/names";
import { issuesFor } from "@/lib/plan/issues";
import type { BackendRow } from "@/lib/wizard/model";
import { backendField } from "@/lib/wizard/parse-backends";
import { patchBackend, setBackendValidity } from "@/lib/wizard/update";

import { TextField } from "../ui/text-field";
import type { StepFormProps } from "./step-form-props";
import { validityHint } from "./validity-hint";

function SanPreview({ row, sans }: { row: BackendRow; sans: readonly San[] }) {
  if (sans.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs font-medium text-slate-700">In the certificate (subject alternative names):</p>
      <ul className="flex flex-wrap gap-1.5" aria-label={`Names in the certificate of ${row.name || "this backend"}`}>
        {sans.map((san) => (
          <li
            key={`${san.kind}:${san.value}`}
            className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800"
          >
            <span className="text-slate-500">{san.kind === "ip" ? "IP " : "DNS "}</span>
            {san.value}
            {/* The FQDN is the CN; while it is refused (invalid, or outside a CA's constraints) no SAN is. */}
            {san.kind === "dns" && san.value === row.fqdn.trim() && <span className="text-sky-800"> (CN)</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function BackendsForm({ input, onChange, check, now, state }: StepFormProps) {
  const { rows, validityHours } = input.backends;
  const { validity, rows: parsedRows } = state.steps.backends.value;
  const field = (row: BackendRow, key: Parameters<typeof backendField>[1]) => {
    const id = backendField(row, key);
    return { id, errors: issuesFor(check.errors, id), warnings: issuesFor(check.warnings, id) };
  };
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-slate-700">
        Each backend's certificate names every way it is reached. The FQDN becomes the common name and is always also a
        SAN: Go ignores the CN when it checks host names, so the guide's commands (which leave it out) fail on Sensu 6.4
        and later. Every IP is an IP SAN, because etcd checks a peer's source address against them.
      </p>
      {issuesFor(check.errors, "backends.rows").map((m) => (
        <p key={m} className="text-sm font-medium text-red-700">
          {m} Set the number on the Plan step.
        </p>
      ))}
      {rows.map((row, i) => (
        <fieldset
          key={row.id}
          className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4 shadow-sm"
        >
          <legend className="px-1 text-sm font-semibold text-slate-900">Backend {i + 1}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              {...field(row, "name")}
              label="Unqualified name"
              mono
              value={row.name}
              onChange={(name) => onChange((s) => patchBackend(s, row.id, { name }))}
              hint="Also the etcd member name and this host's folder in the bundle."
            />
            <TextField
              {...field(row, "fqdn")}
              label="Fully qualified domain name (FQDN)"
              mono
              value={row.fqdn}
              onChange={(fqdn) => onChange((s) => patchBackend(s, row.id, { fqdn }))}
              hint="The certificate's CN and file name."
            />
            <TextField
              {...field(row, "ips")}
              label="IP addresses"
              mono
              value={row.ips}
              onChange={(ips) => onChange((s) => patchBackend(s, row.id, { ips }))}
              hint="IPv4 or IPv6, separated by commas."
            />
            <TextField
              {...field(row, "extraNames")}
              label="Additional names"
              mono
              value={row.extraNames}
              onChange={(extraNames) => onChange((s) => patchBackend(s, row.id, { extraNames }))}
              hint="Host names or IPs, separated by commas."
            />
          </div>
          <SanPreview row={row} sans={parsedRows[i]?.sans ?? []} />
        </fieldset>
      ))}
      <div className="max-w-xs">
        <TextField
          id="backends.validityHours"
          label="Validity of backend certificates"
          suffix="hours"
          inputMode="numeric"
          value={validityHours}
          onChange={(raw) => onChange((s) => setBackendValidity(s, raw))}
          errors={issuesFor(check.errors, "backends.validityHours")}
          warnings={issuesFor(check.warnings, "backends.validityHours")}
          hint={
            validity.ok
              ? validityHint(now, validity.hours, "The guide's 4320h is six months.")
              : "The guide's 4320h is six months."
          }
        />
      </div>
    </div>
  );
}
