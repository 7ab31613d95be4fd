import { Step } from "./step";

export const metadata = { title: "Certificate revocation" };

export default function Page() {
  return <Step />;
}
