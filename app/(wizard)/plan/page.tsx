import { Step } from "./step";

export const metadata = { title: "Plan" };

export default function Page() {
  return <Step />;
}
