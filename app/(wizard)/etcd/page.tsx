import { StepPage } from "@/components/wizard/step-page";

export const metadata = { title: "etcd peer communication" };

export default function Page() {
  return <StepPage id="etcd" />;
}
