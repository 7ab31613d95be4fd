"use client";
import { useEffect } from "react";

import type { WizardInput } from "@/lib/wizard/model";
import { patchCorporate } from "@/lib/wizard/update";
import { corporateKey, corporateStems, verifyCorporate } from "@/lib/wizard/verify-corporate";

/** Checks the loaded keys, CSRs and signed certificates once they settle; stale results are dropped. */
export function useCorporateCheck(
  input: WizardInput,
  onChange: (change: (input: WizardInput) => WizardInput) => void,
): void {
  const { source, corporate } = input.ca;
  const stems = corporateStems(input);
  const key = corporateKey(corporate, stems);
  useEffect(() => {
    if (source !== "corporate" || corporate.files.length === 0 || corporate.check?.key === key) return;
    let cancelled = false;
    verifyCorporate(globalThis.crypto, new Date(), corporate, stems)
      .catch((error: unknown) => ({
        key,
        leaves: Object.fromEntries(
          stems.map((s) => [
            s.stem,
            {
              ok: false as const,
              message: `failed to check ${s.stem}: ${error instanceof Error ? error.message : String(error)}`,
            },
          ]),
        ),
      }))
      .then((check) => {
        if (!cancelled)
          onChange((i) => (corporateKey(i.ca.corporate, corporateStems(i)) === key ? patchCorporate(i, { check }) : i));
      });
    return () => {
      cancelled = true;
    };
    // `key` summarises every input the check reads (the files, the CA certificates and the stems).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, key, onChange]);
}
