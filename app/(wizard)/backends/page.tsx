import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "Backend certificates" };

export default function Page() {
  return <StepPage id="backends" />;
}
