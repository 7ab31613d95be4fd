import { COPY_SCRIPT_FILE, renderCopyScript } from "@/lib/sudoers/copy-script";
import { checksToJson, checksToYaml, exampleChecks } from "@/lib/sudoers/example-checks";
import type { SudoersPlan } from "@/lib/sudoers/model";
import { MODE_SUMMARY, renderSudoers, SETENV_NOTE, SUDOERS_FILE } from "@/lib/sudoers/render";

import { CodeBlock } from "../ui/code-block";
import { Notice } from "../ui/notice";

/** The file exactly as it will be in the bundle, what each rule grants, and the example checks. */
export function SudoersPreview({ plan }: { plan: SudoersPlan }) {
  const rendered = renderSudoers(plan);
  const script = renderCopyScript(plan);
  const checks = exampleChecks(plan);
  const summary = MODE_SUMMARY[plan.mode];
  return (
    <section aria-labelledby="sudoers-heading" className="flex flex-col gap-3">
      <h2 id="sudoers-heading" className="text-lg font-semibold">
        /etc/sudoers.d/{SUDOERS_FILE}
      </h2>
      <p className="text-sm text-slate-700">{summary.grants}</p>
      {summary.warning && (
        <Notice tone="warning" title={summary.title}>
          <p>{summary.warning}</p>
        </Notice>
      )}
      <CodeBlock label={`sudoers.d/${SUDOERS_FILE}`} code={rendered.text} />
      <ul aria-label="What each rule grants" className="flex flex-col gap-1 text-sm">
        {rendered.rules.map((r) => (
          <li key={r.line}>
            <code className="text-xs break-all">{r.line.replace(/\s+/g, " ")}</code>: {r.explanation}
            {r.setenv && <span className="font-medium text-red-800"> {SETENV_NOTE}</span>}
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-700">
        Install on each agent that runs these checks, after <code>visudo -c -f {SUDOERS_FILE}</code>: a sudoers file
        with a syntax error breaks sudo on the host. The bundle's sudo/ folder has it with mode 0440.
      </p>
      {script && (
        <>
          <h3 className="font-semibold">{COPY_SCRIPT_FILE}</h3>
          <p className="text-sm text-slate-700">
            Run as root on each agent host before installing the rules: it checks each archive's sha512 and copies only
            the named commands to {plan.rootDir}, owned by root.
          </p>
          <details className="rounded-lg border border-slate-200 bg-white p-3">
            <summary className="cursor-pointer text-sm font-medium">Show {COPY_SCRIPT_FILE}</summary>
            <div className="mt-3">
              <CodeBlock label={COPY_SCRIPT_FILE} code={script} />
            </div>
          </details>
        </>
      )}
      {checks.length > 0 && (
        <>
          <h3 className="font-semibold">Example checks (the guide&apos;s sudo_example and sudo_test)</h3>
          <div className="grid gap-3 lg:grid-cols-2">
            <CodeBlock label="sudo-checks.yaml" code={checksToYaml(checks)} />
            <CodeBlock label="sudo-checks.json" code={checksToJson(checks)} />
          </div>
        </>
      )}
    </section>
  );
}
