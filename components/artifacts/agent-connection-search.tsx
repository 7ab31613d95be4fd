import { useId, useMemo, useState } from "react";

import { agentVerdicts } from "@/lib/sensu/agent-verdicts";
import type { Connection } from "@/lib/sensu/connection";

import { count } from "../ui/count";
import { PageNav } from "../ui/page-nav";
import { SearchField } from "../ui/search-field";
import { usePaged } from "../ui/use-paged";
import { STATUS_CLASS } from "./connection-status";

/** Agents listed per page: enough to scan, never a fleet's worth of rows at once. */
const PAGE_SIZE = 10;

const VERDICT = { pass: "OK", fail: "Fails (listed below)", note: "Note (listed below)" } as const;

/**
 * A fleet's counted agent group, opened on request: every agent's connections, searched and paged
 * (agent-verdicts.ts says how each verdict is known without the summary listing every row).
 */
export function AgentConnectionSearch({
  agents,
  backends,
  listed,
}: {
  agents: readonly string[];
  backends: readonly string[];
  /** The agent rows the summary lists: every failing or noted one, perhaps a few passing. */
  listed: readonly Connection[];
}) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const listId = useId();
  const shown = open || query.trim() !== "";
  const matches = useMemo(
    () => (shown ? agentVerdicts(agents, backends, listed, query) : []),
    [shown, agents, backends, listed, query],
  );
  const { page: current, pages, first, slice, setPage } = usePaged(matches, PAGE_SIZE);
  return (
    <div className="flex flex-col gap-2 pb-2">
      <div>
        <button
          type="button"
          aria-expanded={shown}
          aria-controls={listId}
          onClick={() => {
            setOpen(!shown);
            if (shown) setQuery("");
            setPage(0);
          }}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-800"
        >
          {shown ? "Hide the agents' connections" : `Show each agent's connections (${count(agents.length)} agents)`}
        </button>
      </div>
      <SearchField
        label="Find an agent's connections"
        value={query}
        onChange={(q) => {
          setQuery(q);
          setPage(0);
        }}
        placeholder="agent name"
      />
      <div id={listId} hidden={!shown} className="text-sm">
        {shown && (
          <>
            <PageNav
              label="Agent connection pages"
              page={current}
              pages={pages}
              onPage={setPage}
              status={
                matches.length === 0
                  ? "No agent matches."
                  : `${count(matches.length)} ${query.trim() ? "matching " : ""}${matches.length === 1 ? "agent" : "agents"}; showing ${count(first + 1)}–${count(first + slice.length)} (page ${current + 1} of ${pages})`
              }
            />
            <ul aria-label="Matching agents' connections" className="flex flex-col gap-1 pt-1">
              {slice.map(({ agent, backends: verdicts }) => (
                <li key={agent}>
                  <span className="font-medium">agent “{agent}”</span>{" "}
                  {verdicts.map(({ backend, status }, i) => (
                    <span key={backend}>
                      {i > 0 && ", "}→ {backend}: <span className={STATUS_CLASS[status]}>{VERDICT[status]}</span>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
