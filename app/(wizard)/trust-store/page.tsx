import { Step } from "./step";

export const metadata = { title: "Install CA certificates" };

export default function Page() {
  return <Step />;
}
