"use client";
import { useEffect, useMemo, useState } from "react";

import {
  type CaChecks,
  type CorporateCheck,
  corporateKey,
  type ExistingCaCheck,
  existingCaKey,
  NO_CA_CHECKS,
  withCorporateCheck,
  withExistingCheck,
} from "@/lib/wizard/ca-checks";
import type { WizardInput } from "@/lib/wizard/model";
import { corporateStems, verifyCorporate } from "@/lib/wizard/verify-corporate";
import { verifyExistingCa } from "@/lib/wizard/verify-existing-ca";

const WHICH = ["existing", "agentExisting"] as const;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Verifies each loaded CA pair, and the corporate step-2 files, once their texts settle. Results are
 * state beside the input, keyed by the exact texts they were computed for, so the synchronous parse
 * can read them and a result for texts that have changed since is never looked up.
 */
export function useCaChecks(input: WizardInput, now: Date): CaChecks {
  const [checks, setChecks] = useState<CaChecks>(NO_CA_CHECKS);
  const { source, existing, agentExisting, corporate } = input.ca;
  const { backends, agents, api } = input;
  const stems = useMemo(() => corporateStems({ backends, agents, api }), [backends, agents, api]);

  useEffect(() => {
    if (source !== "existing") return;
    let cancelled = false;
    for (const which of WHICH) {
      const pair = which === "existing" ? existing : agentExisting;
      const key = existingCaKey(pair);
      if (!pair.certPem.trim() || !pair.keyPem.trim() || checks.existing.has(key)) continue;
      const keyFile = which === "existing" ? "ca-key.pem" : "agent-ca-key.pem";
      verifyExistingCa(globalThis.crypto, now, pair, keyFile)
        .catch((error: unknown): ExistingCaCheck => ({
          ok: false,
          field: "certPem",
          message: `failed to check the CA: ${reason(error)}`,
          commonName: "",
          algorithm: null,
          notAfter: "",
          fingerprint: "",
          notices: [],
        }))
        .then((check) => {
          if (!cancelled) setChecks((c) => withExistingCheck(c, key, check));
        });
    }
    return () => {
      cancelled = true;
    };
  }, [source, existing, agentExisting, checks.existing, now]);

  const corporateKeyNow = corporateKey(corporate, stems);
  useEffect(() => {
    if (source !== "corporate" || corporate.files.length === 0 || checks.corporate.has(corporateKeyNow)) return;
    let cancelled = false;
    verifyCorporate(globalThis.crypto, now, corporate, stems)
      .catch((error: unknown): CorporateCheck => ({
        leaves: Object.fromEntries(
          stems.map((s) => [s.stem, { ok: false as const, message: `failed to check ${s.stem}: ${reason(error)}` }]),
        ),
      }))
      .then((check) => {
        if (!cancelled) setChecks((c) => withCorporateCheck(c, corporateKeyNow, check));
      });
    return () => {
      cancelled = true;
    };
  }, [source, corporate, stems, corporateKeyNow, checks.corporate, now]);

  return checks;
}
