import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "Certificate revocation" };

export default function Page() {
  return <StepPage id="revocation" />;
}
