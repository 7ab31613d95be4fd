"use client";
import { useState } from "react";

import { MAX_PASTED_TEXT } from "@/lib/files/caps";
import type { Texts } from "@/lib/files/read-files";
import { agentListCsv, type AgentListProblem, readAgentList } from "@/lib/wizard/agent-list";
import { MAX_AGENTS } from "@/lib/wizard/model";
import { agentNameRules } from "@/lib/wizard/parse-agents";
import { replaceAgents } from "@/lib/wizard/update";

import { downloadFile } from "../artifacts/download-zip";
import { ReadFileInput } from "../files/read-file-input";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";
import { usePasteGuard } from "../ui/paste-guard";
import type { StepFormProps } from "./step-form-props";

/** Problems listed at most: past that the count says how many more, and fixing the first ones shows the next. */
const SHOWN_PROBLEMS = 50;

interface Applied {
  names: number;
  problems: AgentListProblem[];
}

/**
 * A fleet's agents from a pasted list or a .txt/.csv file: the good lines replace the agent list, the
 * bad ones are named by line number, and the text stays here to fix and apply again.
 */
export function AgentBulkEntry({ input, onChange }: Pick<StepFormProps, "input" | "onChange">) {
  const [text, setText] = useState("");
  const [csv, setCsv] = useState(false);
  const [applied, setApplied] = useState<Applied | null>(null);
  const apply = (source: string, asCsv: boolean) => {
    const list = readAgentList(source, agentNameRules(input), asCsv);
    // A list with no usable name keeps the agents there are: nothing is half-replaced.
    if (list.names.length > 0) onChange((i) => replaceAgents(i, list.names));
    setApplied({ names: list.names.length, problems: list.problems });
  };
  const paste = usePasteGuard(MAX_PASTED_TEXT, "Load the list as a .txt or .csv file instead (below).");
  const load = ({ texts }: Texts) => {
    const [file] = texts;
    if (!file) return [];
    const asCsv = /\.csv$/i.test(file.name);
    setText(file.text);
    setCsv(asCsv);
    apply(file.text, asCsv);
    return [];
  };
  const problems = applied?.problems ?? [];
  const errors = [
    ...(paste.refused ? [paste.refused] : []),
    ...problems.slice(0, SHOWN_PROBLEMS).map((p) => `Line ${p.line}: ${p.message}`),
    ...(problems.length > SHOWN_PROBLEMS ? [`…and ${problems.length - SHOWN_PROBLEMS} more lines.`] : []),
  ];
  return (
    <details className="rounded-lg border border-slate-300 bg-white p-4" open={input.agents.rows.length > 1}>
      <summary className="cursor-pointer font-semibold">A fleet: paste or load the list of agents</summary>
      <div className="mt-3 flex flex-col gap-3">
        <p className="text-sm text-slate-700">
          One certificate per agent gives each agent its own identity (with mTLS, its own Sensu user) and lets you
          revoke one without touching the others. Paste one name per line, or load a .txt or .csv (the column named cn
          or name, else the first). Up to {MAX_AGENTS.toLocaleString("en")} agents; applying replaces the list below.
        </p>
        <Field id="agents.bulk" label="Agent names, one per line" errors={errors}>
          {(describedBy, invalid) => (
            <textarea
              id="agents.bulk"
              rows={6}
              spellCheck={false}
              value={text}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              {...paste.guard}
              onChange={(e) => {
                paste.clear();
                setText(e.target.value);
              }}
              className={`${inputClass(invalid)} font-mono text-xs`}
            />
          )}
        </Field>
        <ReadFileInput
          purpose="agent-list"
          id="agents.file"
          label="Or load a .txt or .csv file"
          accept=".txt,.csv,text/plain,text/csv"
          onRead={load}
        />
        <div className="flex flex-wrap gap-3">
          <Button onClick={() => apply(text, csv)} disabled={text.trim() === ""}>
            Apply the list
          </Button>
          <Button
            variant="secondary"
            onClick={() => downloadFile(agentListCsv(input.agents.rows), "sensu-agents.csv", "text/csv")}
          >
            Download the list as CSV
          </Button>
        </div>
        <div aria-live="polite" className="flex flex-col gap-1 text-sm">
          {applied && (
            <p className={problems.length > 0 ? "font-medium text-red-800" : "text-emerald-800"}>
              {applied.names > 0
                ? `${applied.names.toLocaleString("en")} agents applied.`
                : "No usable name in the list: the agents below are unchanged."}
              {problems.length > 0 &&
                ` ${problems.length.toLocaleString("en")} ${problems.length === 1 ? "line needs" : "lines need"} fixing; fix the text and apply again.`}
            </p>
          )}
        </div>
      </div>
    </details>
  );
}
