"use client";
import { useMemo, useState } from "react";

import { OFFLINE_HOST, OPERATOR_HOST, type PlannedEntry } from "@/lib/bundle/manifest-entry";
import { OFFLINE_DIR } from "@/lib/plan/file-names";

import { SearchField } from "../ui/search-field";

const mode = (m: number) => `0${m.toString(8)}`;

/** Host sections shown at once; a fleet's others are found by searching. */
export const HOSTS_SHOWN = 12;
/** Rows shown per section until asked: a fleet's offline folder holds a CSR per agent. */
export const ROWS_SHOWN = 40;

function groups(entries: readonly PlannedEntry[]): [string, PlannedEntry[]][] {
  const out = new Map<string, PlannedEntry[]>();
  for (const e of entries) {
    const list = out.get(e.host);
    if (list) list.push(e);
    else out.set(e.host, [e]);
  }
  return [...out];
}

/**
 * The bundle, host by host: the same manifest the zip and its README are made from. Past
 * HOSTS_SHOWN hosts (a fleet's agents) only the first sections render, and a search finds the rest.
 */
export function FileTable({ entries }: { entries: readonly PlannedEntry[] }) {
  const all = useMemo(() => groups(entries), [entries]);
  const [query, setQuery] = useState("");
  const needle = query.trim().toLowerCase();
  const matching = needle ? all.filter(([host]) => host.toLowerCase().includes(needle)) : all;
  const shown = matching.slice(0, HOSTS_SHOWN);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  return (
    <div className="flex flex-col gap-6">
      {all.length > HOSTS_SHOWN && (
        <div className="flex flex-col gap-1">
          <SearchField
            label="Find a host's files"
            value={query}
            onChange={setQuery}
            placeholder="agent or backend name"
          />
          <p className="text-sm text-slate-700" aria-live="polite">
            {entries.length.toLocaleString("en-US")} files for {all.length.toLocaleString("en-US")} hosts; showing{" "}
            {shown.length} of {matching.length.toLocaleString("en-US")}
            {needle ? " matching" : ""}. Every agent folder holds the same files under its own name.
          </p>
        </div>
      )}
      {shown.map(([host, files]) => {
        const offline = host === OFFLINE_HOST;
        const rows = expanded.has(host) ? files : files.slice(0, ROWS_SHOWN);
        return (
          <section
            key={host}
            aria-label={offline ? "Files to keep offline" : `Files for ${host}`}
            className={`overflow-hidden rounded-lg border bg-white shadow-sm ${offline ? "border-red-300" : "border-slate-300"}`}
          >
            <h3
              className={`px-4 py-2 text-sm font-semibold ${offline ? "bg-red-50 text-red-900" : "bg-slate-100 text-slate-900"}`}
            >
              {offline
                ? `README and ${OFFLINE_DIR}/ — KEEP OFFLINE: CA keys, CSRs and ca-config.json never go to a host`
                : host === OPERATOR_HOST
                  ? "Your workstation (sensuctl)"
                  : `Host: ${host}`}
            </h3>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-xs tracking-wide text-slate-600 uppercase">
                  <tr>
                    <th scope="col" className="px-4 py-2">
                      File in the zip
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Goes to
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Mode
                    </th>
                    <th scope="col" className="px-4 py-2">
                      What it is
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((e) => (
                    <tr key={e.path} className="border-t border-slate-200 align-top" data-path={e.path}>
                      <td className="px-4 py-2 font-mono text-xs break-all">{e.path}</td>
                      <td className="px-4 py-2 font-mono text-xs">{e.installTo ?? "—"}</td>
                      <td className="px-4 py-2 font-mono text-xs">{mode(e.mode)}</td>
                      <td className="px-4 py-2 text-slate-700">{e.purpose}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {rows.length < files.length && (
              <div className="border-t border-slate-200 px-4 py-2 text-sm text-slate-700">
                Showing {rows.length} of {files.length.toLocaleString("en-US")} files.{" "}
                <button
                  type="button"
                  className="font-medium text-sky-800 underline"
                  onClick={() => setExpanded((s) => new Set(s).add(host))}
                >
                  Show all {files.length.toLocaleString("en-US")}
                </button>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
