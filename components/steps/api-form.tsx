import { issuesFor } from "@/lib/plan/issues";
import { backendConfig } from "@/lib/sensu/backend-config";
import type { DashboardCertMode } from "@/lib/wizard/model";
import { patchApi } from "@/lib/wizard/update";

import { ConfigPreview } from "../artifacts/config-preview";
import { ChoiceGroup } from "../ui/choice-group";
import { Notice } from "../ui/notice";
import { TextField } from "../ui/text-field";
import { WithResolvedPlan } from "./resolved-plan";
import type { StepFormProps } from "./step-form-props";

export function ApiForm({ input, onChange, check, state: { resolved } }: StepFormProps) {
  const { api } = input;
  const field = (id: keyof typeof api) => ({ errors: issuesFor(check.errors, `api.${id}`) });
  return (
    <div className="flex flex-col gap-6">
      <Notice>
        <p>
          With cert-file and key-file set, the API (8080), the agent websocket (8081) and the web UI (3000) serve TLS
          only: finish Agent-to-server communication too, or agents still dialing ws:// are cut off.
        </p>
      </Notice>
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id="api.apiUrlHost"
          label="Host in api-url"
          mono
          value={api.apiUrlHost}
          onChange={(apiUrlHost) => onChange((i) => patchApi(i, { apiUrlHost }))}
          {...field("apiUrlHost")}
          hint="How each backend reaches its own API. It must be one of every backend certificate's names; localhost is, by default."
        />
      </div>
      <ChoiceGroup<DashboardCertMode>
        name="dashboard-cert"
        legend="Web UI certificate"
        value={api.dashboard}
        onChange={(dashboard) => onChange((i) => patchApi(i, { dashboard }))}
        choices={[
          {
            value: "shared",
            label: "The backend's certificate (the guide's default)",
            description: "The web UI on port 3000 presents cert-file, like the API.",
          },
          {
            value: "issue",
            label: "Its own certificate, issued here",
            description: "For a name users type in browsers (a load balancer, sensu.example.com), signed by your CA.",
          },
          {
            value: "file",
            label: "A certificate you already have",
            description: "A purchased certificate: give the paths where it will be on every backend.",
          },
        ]}
      />
      {api.dashboard === "issue" && (
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField
            id="api.dashboardNames"
            label="Web UI names"
            mono
            value={api.dashboardNames}
            onChange={(dashboardNames) => onChange((i) => patchApi(i, { dashboardNames }))}
            {...field("dashboardNames")}
            hint="Host names and IPs, comma separated; the first becomes the CN. Serves browsers only (serverAuth)."
          />
        </div>
      )}
      {api.dashboard === "file" && (
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField
            id="api.dashboardCertPath"
            label="Certificate path on the backends"
            mono
            placeholder="/etc/ssl/sensu-web/cert.pem"
            value={api.dashboardCertPath}
            onChange={(dashboardCertPath) => onChange((i) => patchApi(i, { dashboardCertPath }))}
            {...field("dashboardCertPath")}
            hint="Absolute. Leaf first, then its chain."
          />
          <TextField
            id="api.dashboardKeyPath"
            label="Private key path on the backends"
            mono
            placeholder="/etc/ssl/sensu-web/key.pem"
            value={api.dashboardKeyPath}
            onChange={(dashboardKeyPath) => onChange((i) => patchApi(i, { dashboardKeyPath }))}
            {...field("dashboardKeyPath")}
            hint="Absolute. Readable by the sensu user."
          />
        </div>
      )}
      {input.plan.sensuVersion !== "5.21" && (
        <p className="text-sm text-slate-700">
          From Sensu 6.0 the web UI is a commercial feature; the API settings apply to every edition.
        </p>
      )}
      <WithResolvedPlan resolved={resolved}>
        {(plan) => (
          <ConfigPreview
            heading="backend.yml: API and web UI settings"
            section="api"
            configs={plan.backends.map((b) => backendConfig(plan, b))}
          />
        )}
      </WithResolvedPlan>
    </div>
  );
}
