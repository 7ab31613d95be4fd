import { CONFIG_PATH, type ConfigSection, entriesIn, type HostConfig } from "@/lib/sensu/config-entry";
import { isCommercial } from "@/lib/sensu/key-catalog";
import { yamlOf } from "@/lib/sensu/yaml";

import { CodeBlock } from "../ui/code-block";

/**
 * What one step adds to each host's backend.yml or agent.yml: the YAML to copy, and a line per
 * key saying why. The first host is open; the others fold, so seven backends stay readable.
 */
export function ConfigPreview({
  configs,
  section,
  heading,
}: {
  configs: readonly HostConfig[];
  section: ConfigSection;
  heading: string;
}) {
  const shown = configs.filter((c) => entriesIn(c, section).length > 0);
  if (shown.length === 0) return null;
  return (
    <section className="flex flex-col gap-3" aria-label={heading}>
      <h2 className="text-lg font-semibold">{heading}</h2>
      {shown.map((config, i) => {
        const entries = entriesIn(config, section);
        const path = CONFIG_PATH[config.side];
        return (
          <details
            key={`${config.side}:${config.host}`}
            open={i === 0}
            className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
          >
            <summary className="cursor-pointer text-sm font-medium text-slate-900">
              {config.side === "backend" ? config.host : `Agents using “${config.host}”`}: {path}
            </summary>
            <div className="mt-3 flex flex-col gap-3">
              <CodeBlock label={`${path} on ${config.host}`} code={yamlOf(entries)} />
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                {entries.map((e) => (
                  <div key={e.key} className="contents">
                    <dt className="font-mono text-xs text-slate-800">
                      {e.key}
                      {isCommercial(config.side, e.key) && (
                        <span className="ml-1 rounded bg-amber-100 px-1 font-sans text-amber-900">commercial</span>
                      )}
                    </dt>
                    <dd className="text-slate-700">{e.why}</dd>
                  </div>
                ))}
              </dl>
            </div>
          </details>
        );
      })}
    </section>
  );
}
