import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "Dynamic runtime assets and sudo" };

export default function Page() {
  return <StepPage id="assets" />;
}
