import { Step } from "./step";

export const metadata = { title: "Dynamic runtime assets and sudo" };

export default function Page() {
  return <Step />;
}
