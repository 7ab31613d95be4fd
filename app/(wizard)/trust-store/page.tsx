import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "Install CA certificates" };

export default function Page() {
  return <StepPage id="trust-store" />;
}
