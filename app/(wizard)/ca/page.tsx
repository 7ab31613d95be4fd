import { Step } from "./step";

export const metadata = { title: "Create a CA" };

export default function Page() {
  return <Step />;
}
