"use client";
import { memo, useMemo, useState } from "react";

import { AGENT_CERT_STEM, agentDir, cfsslNames } from "@/lib/plan/file-names";
import type { FieldIssue } from "@/lib/plan/issues";
import type { AgentRow as AgentRowInput } from "@/lib/wizard/model";
import { agentField } from "@/lib/wizard/parse-agents";
import { patchAgent, removeAgent } from "@/lib/wizard/update";

import { Button } from "../ui/button";
import { Checkbox } from "../ui/checkbox";
import { PageNav } from "../ui/page-nav";
import { TextField } from "../ui/text-field";
import { usePaged } from "../ui/use-paged";
import type { StepFormProps } from "./step-form-props";

/** Every agent installs its certificate under the same names; the zip's folder carries the CN. */
const filesHint = (cn: string) => {
  const names = cfsslNames(AGENT_CERT_STEM);
  return `Folder ${agentDir(cn)}/ in the zip; installed as ${names.cert} and ${names.key}`;
};

/** Rows on one page: a fleet of thousands renders as fast as a handful (25 keeps a keystroke in the search under 50 ms). */
const PAGE_SIZE = 25;
const NO_ERRORS: readonly string[] = [];

/** Every message by field, built once per render rather than searched per row. */
function byField(issues: readonly FieldIssue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const i of issues) map.set(i.field, [...(map.get(i.field) ?? []), i.message]);
  return map;
}

/** The agent list, one editable row per certificate, searched and paged. */
export function AgentRows({ input, onChange, check }: Pick<StepFormProps, "input" | "onChange" | "check">) {
  const { rows } = input.agents;
  const [query, setQuery] = useState("");
  const [onlyProblems, setOnlyProblems] = useState(false);
  const errors = useMemo(() => byField(check.errors), [check.errors]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => q === "" || row.commonName.toLowerCase().includes(q))
      .filter(({ row }) => !onlyProblems || errors.has(agentField(row)));
  }, [rows, query, onlyProblems, errors]);
  const { page: current, pages, first, slice, setPage } = usePaged(shown, PAGE_SIZE);
  const withProblems = useMemo(() => rows.filter((row) => errors.has(agentField(row))).length, [rows, errors]);
  const paged = rows.length > PAGE_SIZE;
  return (
    <section aria-label="Agent certificates" className="flex flex-col gap-3">
      {paged && (
        <div className="flex flex-wrap items-end gap-4">
          <div className="w-64">
            <TextField
              id="agents.search"
              label="Search agents"
              value={query}
              onChange={(q) => {
                setQuery(q);
                setPage(0);
              }}
            />
          </div>
          <Checkbox
            id="agents.onlyProblems"
            label={`Only agents with problems (${withProblems.toLocaleString("en")})`}
            checked={onlyProblems}
            onChange={(only) => {
              setOnlyProblems(only);
              setPage(0);
            }}
          />
        </div>
      )}
      <p role="status" className="text-sm text-slate-700">
        {rows.length.toLocaleString("en")} agent {rows.length === 1 ? "certificate" : "certificates"}
        {paged &&
          shown.length > 0 &&
          `; showing ${first + 1}–${first + slice.length} of ${shown.length.toLocaleString("en")}`}
        {paged && shown.length === 0 && "; none matches"}.
      </p>
      <ul className="flex flex-col gap-3">
        {slice.map(({ row, index }) => (
          <AgentRow
            key={row.id}
            row={row}
            index={index}
            errors={errors.get(agentField(row)) ?? NO_ERRORS}
            onChange={onChange}
          />
        ))}
      </ul>
      {pages > 1 && (
        <PageNav
          label="Agent pages"
          page={current}
          pages={pages}
          onPage={setPage}
          status={`Page ${current + 1} of ${pages}`}
        />
      )}
    </section>
  );
}

interface AgentRowProps {
  row: AgentRowInput;
  index: number;
  errors: readonly string[];
  onChange: StepFormProps["onChange"];
}

/**
 * One agent's row. Memoised on its own values: typing in one CN re-renders that row, not the page's
 * others (each parse makes new message arrays, so those compare by text).
 */
const AgentRow = memo(
  function AgentRow({ row, index, errors, onChange }: AgentRowProps) {
    return (
      <li className="flex items-start gap-3 rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
        <div className="flex-1">
          <TextField
            id={agentField(row)}
            label={`Agent certificate ${index + 1}: common name`}
            mono
            value={row.commonName}
            onChange={(cn) => onChange((s) => patchAgent(s, row.id, cn))}
            errors={errors}
            hint={filesHint(row.commonName || "NAME")}
          />
        </div>
        <Button
          variant="secondary"
          className="mt-6"
          onClick={() => onChange((s) => removeAgent(s, row.id))}
          aria-label={`Remove agent certificate ${index + 1}${row.commonName ? ` (${row.commonName})` : ""}`}
        >
          Remove
        </Button>
      </li>
    );
  },
  (a, b) =>
    a.row === b.row && a.index === b.index && a.onChange === b.onChange && a.errors.join("\n") === b.errors.join("\n"),
);
