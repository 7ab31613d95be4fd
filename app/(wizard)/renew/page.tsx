import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "Renew certificates" };

export default function Page() {
  return <StepPage id="renew" />;
}
