"use client";
import { AgentMtlsForm } from "@/components/steps/agent-mtls-form";
import { StepPage } from "@/components/wizard/step-page";

/** The route's client side: its form is imported here, so it loads with this page and no other. */
export function Step() {
  return <StepPage id="agent-mtls" Form={AgentMtlsForm} />;
}
