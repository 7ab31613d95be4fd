import { parseSan, type San, sansCover, splitList } from "../pki/names";
import type { FieldIssue } from "../plan/issues";
import type { ResolvedDashboard } from "../plan/resolved-plan";
import { absolutePathProblem } from "../sensu/paths";
import type { WizardInput } from "./model";
import { dashboardProblems, type IssuerConstraints } from "./name-constraint-checks";
import type { BackendsValue } from "./parse-backends";
import type { StepParse } from "./step-parse";

export interface ApiValue {
  /** The host in api-url, once it parses. */
  urlHost: San | null;
  dashboard: ResolvedDashboard;
}

/** `constraints`: the name constraints of the CA that signs the web UI's certificate, if it has any. */
export function parseApi(
  input: WizardInput,
  backends: BackendsValue,
  constraints: IssuerConstraints = [],
): StepParse<ApiValue> {
  const errors: FieldIssue[] = [];
  const { api } = input;
  const host = parseSan(api.apiUrlHost);
  if (!host.ok) errors.push({ field: "api.apiUrlHost", message: host.message });
  else {
    // Each backend reaches its own API at api-url, so every backend certificate must name the host.
    const uncovered = backends.rows.filter((b) => b.errors.length === 0 && !sansCover(b.sans, host.san));
    if (uncovered.length > 0) {
      const names = uncovered.map(({ row }) => row.name.trim() || row.fqdn.trim()).join(", ");
      errors.push({
        field: "api.apiUrlHost",
        message: `The certificate of ${names} does not name ${host.san.value}, so its own api-url would fail verification. Use localhost, or add ${host.san.value} to its Additional names.`,
      });
    }
  }
  const dashboardSans: San[] = [];
  if (api.dashboard === "issue") {
    const names = splitList(api.dashboardNames);
    if (names.length === 0)
      errors.push({ field: "api.dashboardNames", message: "Enter at least one name the web UI is reached by." });
    for (const name of names) {
      const parsed = parseSan(name);
      if (!parsed.ok) errors.push({ field: "api.dashboardNames", message: parsed.message });
      else dashboardSans.push(parsed.san);
    }
    errors.push(...dashboardProblems(dashboardSans, constraints));
    if (names[0] && names[0].length > 64)
      errors.push({
        field: "api.dashboardNames",
        message: "The first name becomes the certificate's CN, which X.509 limits to 64 characters.",
      });
  }
  if (api.dashboard === "file") {
    for (const [field, value, what] of [
      ["api.dashboardCertPath", api.dashboardCertPath, "certificate"],
      ["api.dashboardKeyPath", api.dashboardKeyPath, "private key"],
    ] as const) {
      const problem = absolutePathProblem(value.trim());
      if (problem)
        errors.push({
          field,
          message: value.trim() === "" ? `Enter the absolute path of the web UI ${what} on the backends.` : problem,
        });
    }
    if (api.dashboardCertPath.trim() !== "" && api.dashboardCertPath.trim() === api.dashboardKeyPath.trim()) {
      errors.push({ field: "api.dashboardKeyPath", message: "The key and the certificate need separate files." });
    }
  }
  const [cn] = dashboardSans;
  const dashboard: ResolvedDashboard =
    api.dashboard === "issue" && cn
      ? { mode: "issue", commonName: cn.value, sans: dashboardSans }
      : api.dashboard === "file"
        ? { mode: "file", certPath: api.dashboardCertPath.trim(), keyPath: api.dashboardKeyPath.trim() }
        : { mode: "shared" };
  return { value: { urlHost: host.ok ? host.san : null, dashboard }, errors, warnings: [] };
}
