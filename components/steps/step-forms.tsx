import type { ComponentType } from "react";
import type { StepId } from "@/lib/wizard/steps";
import { AgentsForm } from "./agents-form";
import { BackendsForm } from "./backends-form";
import { CaForm } from "./ca-form";
import { PlanForm } from "./plan-form";
import type { StepFormProps } from "./step-form-props";
import { DownloadForm } from "../artifacts/download-form";

/** The form for each available step; steps without one render as "not available yet". */
export const STEP_FORMS: Partial<Record<StepId, ComponentType<StepFormProps>>> = {
  plan: PlanForm,
  ca: CaForm,
  backends: BackendsForm,
  agents: AgentsForm,
  download: DownloadForm,
};
