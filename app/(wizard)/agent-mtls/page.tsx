import { Step } from "./step";

export const metadata = { title: "Agent mTLS authentication" };

export default function Page() {
  return <Step />;
}
