import { Step } from "./step";

export const metadata = { title: "Review and download" };

export default function Page() {
  return <Step />;
}
