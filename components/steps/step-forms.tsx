import dynamic from "next/dynamic";
import type { ComponentType } from "react";

import type { StepId } from "@/lib/wizard/steps";

import type { StepFormProps } from "./step-form-props";

/** Shown for the moment a step's code is fetched; the step's problems and Next already come from the parse. */
function Loading() {
  return (
    <p className="text-sm text-slate-600" role="status">
      Loading this step…
    </p>
  );
}

// Each form (with its YAML previews, x509 readers and zip code) loads on its own step, not with every page.
const lazy = (load: () => Promise<ComponentType<StepFormProps>>) => dynamic(load, { loading: Loading });

/** The form of each step: the type makes a step without a form a compile error. */
export const STEP_FORMS: Record<StepId, ComponentType<StepFormProps>> = {
  plan: lazy(() => import("./plan-form").then((m) => m.PlanForm)),
  ca: lazy(() => import("./ca-form").then((m) => m.CaForm)),
  backends: lazy(() => import("./backends-form").then((m) => m.BackendsForm)),
  agents: lazy(() => import("./agents-form").then((m) => m.AgentsForm)),
  etcd: lazy(() => import("./etcd-form").then((m) => m.EtcdForm)),
  api: lazy(() => import("./api-form").then((m) => m.ApiForm)),
  "agent-transport": lazy(() => import("./agent-transport-form").then((m) => m.AgentTransportForm)),
  "agent-mtls": lazy(() => import("./agent-mtls-form").then((m) => m.AgentMtlsForm)),
  revocation: lazy(() => import("./revocation-form").then((m) => m.RevocationForm)),
  assets: lazy(() => import("./assets-form").then((m) => m.AssetsForm)),
  "trust-store": lazy(() => import("./trust-store-form").then((m) => m.TrustStoreForm)),
  renew: lazy(() => import("./renew-form").then((m) => m.RenewForm)),
  download: lazy(() => import("../artifacts/download-form").then((m) => m.DownloadForm)),
};
