import { Step } from "./step";

export const metadata = { title: "Renew certificates" };

export default function Page() {
  return <Step />;
}
