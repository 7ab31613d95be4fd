import { Step } from "./step";

export const metadata = { title: "etcd peer communication" };

export default function Page() {
  return <Step />;
}
