import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "Agent mTLS authentication" };

export default function Page() {
  return <StepPage id="agent-mtls" />;
}
