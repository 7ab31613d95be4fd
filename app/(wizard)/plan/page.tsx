import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "Plan" };

export default function Page() {
  return <StepPage id="plan" />;
}
