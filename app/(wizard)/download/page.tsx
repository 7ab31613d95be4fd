import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "Review and download" };

export default function Page() {
  return <StepPage id="download" />;
}
