import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "API and web UI" };

export default function Page() {
  return <StepPage id="api" />;
}
