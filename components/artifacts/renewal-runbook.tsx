import { hostLayouts } from "@/lib/bundle/host-layout";
import { RENEWAL_FILE, renewalRunbook } from "@/lib/bundle/renewal";
import type { ResolvedPlan } from "@/lib/plan/resolved-plan";

import { CodeBlock } from "../ui/code-block";

/** Markdown's `code` spans as <code>; the rest as text. */
function withCode(text: string) {
  return text.split("`").map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="font-mono text-xs">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

/** The runbook the bundle carries as RENEWAL.md, section by section. */
export function RenewalRunbook({ plan }: { plan: ResolvedPlan }) {
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">The bundle carries this as {RENEWAL_FILE}.</p>
      <ol className="flex flex-col gap-5">
        {renewalRunbook(plan, hostLayouts(plan)).map((section, i) => (
          <li key={section.title} className="flex flex-col gap-2">
            <h3 className="font-semibold text-slate-950">
              {i + 1}. {section.title}
            </h3>
            {section.paragraphs.map((p) => (
              <p key={p} className="text-sm text-slate-700">
                {withCode(p)}
              </p>
            ))}
            {section.commands && <CodeBlock label={`Commands: ${section.title}`} code={section.commands.join("\n")} />}
          </li>
        ))}
      </ol>
    </div>
  );
}
