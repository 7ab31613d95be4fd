import { Step } from "./step";

export const metadata = { title: "Agent-to-server communication" };

export default function Page() {
  return <Step />;
}
