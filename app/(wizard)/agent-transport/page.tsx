import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "Agent-to-server communication" };

export default function Page() {
  return <StepPage id="agent-transport" />;
}
