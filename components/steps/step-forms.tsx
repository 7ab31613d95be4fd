import type { ComponentType } from "react";

import type { StepId } from "@/lib/wizard/steps";

import { DownloadForm } from "../artifacts/download-form";
import { AgentMtlsForm } from "./agent-mtls-form";
import { AgentTransportForm } from "./agent-transport-form";
import { AgentsForm } from "./agents-form";
import { ApiForm } from "./api-form";
import { AssetsForm } from "./assets-form";
import { BackendsForm } from "./backends-form";
import { CaForm } from "./ca-form";
import { EtcdForm } from "./etcd-form";
import { PlanForm } from "./plan-form";
import { RenewForm } from "./renew-form";
import { RevocationForm } from "./revocation-form";
import type { StepFormProps } from "./step-form-props";
import { TrustStoreForm } from "./trust-store-form";

/** The form of each step: the type makes a step without a form a compile error. */
export const STEP_FORMS: Record<StepId, ComponentType<StepFormProps>> = {
  plan: PlanForm,
  ca: CaForm,
  backends: BackendsForm,
  agents: AgentsForm,
  etcd: EtcdForm,
  api: ApiForm,
  "agent-transport": AgentTransportForm,
  "agent-mtls": AgentMtlsForm,
  revocation: RevocationForm,
  assets: AssetsForm,
  "trust-store": TrustStoreForm,
  renew: RenewForm,
  download: DownloadForm,
};
