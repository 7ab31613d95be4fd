import { Step } from "./step";

export const metadata = { title: "Backend certificates" };

export default function Page() {
  return <Step />;
}
