import { parseSan, sansCover, splitList } from "../pki/names";
import type { FieldIssue, StepCheck } from "../plan/issues";
import { absolutePathProblem } from "../sensu/paths";
import { backendSans } from "./check-backends";
import type { WizardInput } from "./model";

export function checkApi(input: WizardInput): StepCheck {
  const errors: FieldIssue[] = [];
  const { api } = input;
  const host = parseSan(api.apiUrlHost);
  if (!host.ok) errors.push({ field: "api.apiUrlHost", message: host.message });
  else {
    // Each backend reaches its own API at api-url, so every backend certificate must name the host.
    const uncovered = input.backends.rows.filter((row) => {
      const { sans, errors: rowErrors } = backendSans(row);
      return rowErrors.length === 0 && !sansCover(sans, host.san);
    });
    if (uncovered.length > 0) {
      const names = uncovered.map((r) => r.name.trim() || r.fqdn.trim()).join(", ");
      errors.push({
        field: "api.apiUrlHost",
        message: `The certificate of ${names} does not name ${host.san.value}, so its own api-url would fail verification. Use localhost, or add ${host.san.value} to its Additional names.`,
      });
    }
  }
  if (api.dashboard === "issue") {
    const names = splitList(api.dashboardNames);
    if (names.length === 0)
      errors.push({ field: "api.dashboardNames", message: "Enter at least one name the web UI is reached by." });
    for (const name of names) {
      const parsed = parseSan(name);
      if (!parsed.ok) errors.push({ field: "api.dashboardNames", message: parsed.message });
    }
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
  return { errors, warnings: [] };
}
