import { useId, useState } from "react";

import { agentVerdicts } from "@/lib/sensu/agent-verdicts";
import type { Connection } from "@/lib/sensu/connection";

/** Agents listed for one search: enough to find a host, never a fleet's worth of rows. */
const MATCHES_SHOWN = 10;

const VERDICT = {
  pass: { text: "OK", className: "text-emerald-800" },
  fail: { text: "Fails (listed below)", className: "font-semibold text-red-800" },
  note: { text: "Note (listed below)", className: "text-amber-800" },
} as const;

/** One agent's connections inside a fleet's counted group (agent-verdicts.ts says how it knows). */
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
  const id = useId();
  const matches = agentVerdicts(agents, backends, listed, query);
  return (
    <div className="flex flex-col gap-1 pb-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        Find an agent&apos;s connections
      </label>
      <input
        id={id}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="max-w-md rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        placeholder="agent name"
      />
      {query.trim() && (
        <div aria-live="polite" className="text-sm">
          <p className="text-slate-700">
            {matches.length === 0
              ? "No agent matches."
              : `${matches.length.toLocaleString("en-US")} matching ${matches.length === 1 ? "agent" : "agents"}${matches.length > MATCHES_SHOWN ? `, the first ${MATCHES_SHOWN} shown` : ""}.`}
          </p>
          <ul aria-label="Matching agents' connections" className="flex flex-col gap-1 pt-1">
            {matches.slice(0, MATCHES_SHOWN).map(({ agent, backends: verdicts }) => (
              <li key={agent}>
                <span className="font-medium">agent “{agent}”</span>{" "}
                {verdicts.map(({ backend, status }, i) => (
                  <span key={backend}>
                    {i > 0 && ", "}→ {backend}:{" "}
                    <span className={VERDICT[status].className}>{VERDICT[status].text}</span>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
