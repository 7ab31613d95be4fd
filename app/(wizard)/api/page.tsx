import { Step } from "./step";

export const metadata = { title: "API and web UI" };

export default function Page() {
  return <Step />;
}
