import type { ReactNode } from "react";

import { WizardShell } from "@/components/wizard/wizard-shell";

// The provider lives here: layouts stay mounted between sibling routes, so state and keys survive navigation.
export default function WizardLayout({ children }: { children: ReactNode }) {
  return <WizardShell>{children}</WizardShell>;
}
