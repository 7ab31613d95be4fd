"use client";
import { useEffect } from "react";

import type { WizardInput } from "@/lib/wizard/model";
import { patchExistingCa } from "@/lib/wizard/update";
import { existingCaKey, verifyExistingCa } from "@/lib/wizard/verify-existing-ca";

const WHICH = ["existing", "agentExisting"] as const;

/**
 * Verifies each loaded CA pair once its texts settle, and stores the result with the input so the
 * step's checks (synchronous, shared with the bundle builder) can read it. A result for texts that
 * have changed since is dropped.
 */
export function useExistingCaCheck(
  input: WizardInput,
  onChange: (change: (input: WizardInput) => WizardInput) => void,
): void {
  const { source, existing, agentExisting } = input.ca;
  useEffect(() => {
    if (source !== "existing") return;
    let cancelled = false;
    for (const which of WHICH) {
      const e = which === "existing" ? existing : agentExisting;
      const key = existingCaKey(e);
      if (!e.certPem.trim() || !e.keyPem.trim() || e.check?.key === key) continue;
      const keyFile = which === "existing" ? "ca-key.pem" : "agent-ca-key.pem";
      verifyExistingCa(globalThis.crypto, new Date(), e, keyFile)
        .catch((error: unknown) => ({
          key,
          ok: false,
          field: "certPem" as const,
          message: `failed to check the CA: ${error instanceof Error ? error.message : String(error)}`,
          commonName: "",
          algorithm: null,
          notAfter: "",
          fingerprint: "",
          notices: [],
        }))
        .then((check) => {
          if (!cancelled)
            onChange((i) => (existingCaKey(i.ca[which]) === key ? patchExistingCa(i, which, { check }) : i));
        });
    }
    return () => {
      cancelled = true;
    };
  }, [source, existing, agentExisting, onChange]);
}
