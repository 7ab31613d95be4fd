import type { StepDefinition } from "@/lib/wizard/steps";

import { Notice } from "../ui/notice";

/** A guide section the wizard lists but has not built yet; the download works without it. */
export function PlannedStep({ step }: { step: StepDefinition }) {
  return (
    <Notice title="Not available yet">
      <p>
        This section will cover: {step.summary.charAt(0).toLowerCase() + step.summary.slice(1)} Until then, follow “
        {step.guide.section}” in {step.guide.guide}, using the files from your bundle.
      </p>
      <p>You can skip it: the certificate bundle on “Review and download” is complete without it.</p>
    </Notice>
  );
}
