import { hostLayouts } from "@/lib/bundle/host-layout";
import {
  EXPIRY_CHECKS_JSON,
  EXPIRY_CHECKS_YAML,
  MONITORING_DIR,
  planExpiryChecks,
  subscriptionNotes,
} from "@/lib/bundle/monitoring";
import type { ResolvedPlan } from "@/lib/plan/resolved-plan";
import { checksJson, checksYaml } from "@/lib/sensu/expiry-checks";

import { CodeBlock } from "../ui/code-block";

/** The expiry checks the bundle will hold, with the subscriptions they need and where to add them. */
export function ExpiryChecksPreview({ plan }: { plan: ResolvedPlan }) {
  const checks = planExpiryChecks(plan, hostLayouts(plan));
  const notes = subscriptionNotes(checks);
  const yamlPath = `${MONITORING_DIR}/${EXPIRY_CHECKS_YAML}`;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        {checks.length} checks, one per backend and CA certificate and one for every agent (each agent reads its own
        agent.pem), each run every 12 hours on the host that holds the certificate: WARNING (exit 1) from{" "}
        {plan.expiry.warningDays} days before expiry, CRITICAL (exit 2) from {plan.expiry.criticalDays} days and once
        expired or unreadable. The bundle carries them as {yamlPath} and {MONITORING_DIR}/{EXPIRY_CHECKS_JSON}; load
        them with <code className="font-mono text-xs">sensuctl create -f {yamlPath}</code>.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="px-4 py-2 text-left font-semibold text-slate-900">
            Subscriptions the checks use: add them to the right agents, or nothing runs
          </caption>
          <thead className="text-xs tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">
                Subscription
              </th>
              <th scope="col" className="px-4 py-2">
                Checks
              </th>
              <th scope="col" className="px-4 py-2">
                Which agents need it
              </th>
            </tr>
          </thead>
          <tbody>
            {notes.map((n) => (
              <tr key={n.subscription} className="border-t border-slate-200 align-top">
                <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">{n.subscription}</td>
                <td className="px-4 py-2 font-mono text-xs">{n.checks.join(", ")}</td>
                <td className="px-4 py-2 text-slate-700">{n.where}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* One check is ~15 lines: the code scrolls inside its frame, the Copy button stays in view. */}
      <div className="[&_pre]:max-h-96 [&_pre]:overflow-y-auto">
        <CodeBlock label={yamlPath} code={checksYaml(checks)} />
      </div>
      <details className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <summary className="cursor-pointer text-sm font-medium text-slate-900">The same checks as JSON</summary>
        <div className="mt-3 [&_pre]:max-h-96 [&_pre]:overflow-y-auto">
          <CodeBlock label={`${MONITORING_DIR}/${EXPIRY_CHECKS_JSON}`} code={checksJson(checks)} />
        </div>
      </details>
    </div>
  );
}
