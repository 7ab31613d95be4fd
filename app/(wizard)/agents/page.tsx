import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "Agent certificates" };

export default function Page() {
  return <StepPage id="agents" />;
}
