import { useState } from "react";

import { type LoadedFile, readTexts } from "@/lib/files/read-files";
import { parseAgentList } from "@/lib/wizard/agent-list";
import type { WizardInput } from "@/lib/wizard/model";
import { replaceAgents } from "@/lib/wizard/update";

import { FileInput } from "../ui/file-input";
import { Notice } from "../ui/notice";

/**
 * Replaces the agent table with a list kept elsewhere (one CN per line, or a CSV export): the same
 * format `sensu-tls bundle --agents FILE` reads. Each name is then checked like a typed one; a file
 * that cannot be read changes nothing.
 */
export function AgentListLoader({ onChange }: { onChange: (change: (input: WizardInput) => WizardInput) => void }) {
  const [loaded, setLoaded] = useState<string | null>(null);
  const load = (files: LoadedFile[]) => {
    setLoaded(null);
    const { texts, problems } = readTexts(files, {
      instead: "a text or CSV file with one agent certificate CN per line",
    });
    const [file] = texts;
    if (!file) return problems.map((p) => p.reason);
    const list = parseAgentList(file.text);
    if (!list.ok) return [`${file.name}: ${list.message}`];
    onChange((input) => replaceAgents(input, list.commonNames));
    const count = list.commonNames.length;
    setLoaded(
      `Loaded ${count} agent ${count === 1 ? "certificate" : "certificates"} from ${file.name}, replacing the list.`,
    );
    return [];
  };
  return (
    <div className="flex flex-col gap-2">
      <FileInput
        id="agents.list"
        label="Or load the list from a file"
        accept=".txt,.csv,.tsv,text/plain,text/csv"
        hint="One CN per line, or a CSV export with a cn (or common name) column. It replaces the certificates above."
        onLoad={load}
      />
      <div aria-live="polite">{loaded && <Notice tone="success">{loaded}</Notice>}</div>
    </div>
  );
}
