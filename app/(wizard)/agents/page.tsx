import { Step } from "./step";

export const metadata = { title: "Agent certificates" };

export default function Page() {
  return <Step />;
}
