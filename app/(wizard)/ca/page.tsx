import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "Create a CA" };

export default function Page() {
  return <StepPage id="ca" />;
}
