"use client";
import { useEffect, useMemo, useRef, useState } from "react";

import { AGENT_CA_STEM, CA_STEM, cfsslNames } from "@/lib/plan/file-names";
import {
  type CaChecks,
  type CorporateCheck,
  corporateKey,
  type CorporateStem,
  type ExistingCaCheck,
  existingCaKey,
  NO_CA_CHECKS,
  withCorporateCheck,
  withExistingCheck,
} from "@/lib/wizard/ca-checks";
import type { CorporateInput, ExistingCaInput, WizardInput } from "@/lib/wizard/model";

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

const failedExisting = (error: unknown): ExistingCaCheck => ({
  ok: false,
  field: "certPem",
  message: `failed to check the CA: ${reason(error)}`,
  commonName: "",
  algorithm: null,
  notAfter: "",
  fingerprint: "",
  notices: [],
});

const failedCorporate = (stems: readonly CorporateStem[], error: unknown): CorporateCheck => ({
  leaves: Object.fromEntries(
    stems.map((s) => [s.stem, { ok: false as const, message: `failed to check ${s.stem}: ${reason(error)}` }]),
  ),
});

/**
 * Verifies each loaded CA pair, and the corporate step-2 files, once per distinct text. Results are
 * state beside the input, keyed by the exact texts they were computed for, so the synchronous parse
 * reads them and a result for texts that have changed since is never looked up. A check runs to its
 * end and is not restarted by edits elsewhere or by the clock (the parse judges a passed CA's dates
 * against the clock itself); only the results the current texts need are kept.
 */
export function useCaChecks(input: WizardInput, now: Date, stems: readonly CorporateStem[]): CaChecks {
  const [checks, setChecks] = useState<CaChecks>(NO_CA_CHECKS);
  const clock = useRef(now);
  const pending = useRef(new Set<string>());
  const { source, existing, agentExisting, corporate } = input.ca;
  const wanted = useWanted(source, existing, agentExisting, corporate, stems);
  const latest = useRef({ wanted, checks });
  useEffect(() => {
    clock.current = now;
    latest.current = { wanted, checks };
  });

  useEffect(() => {
    const land = (add: (c: CaChecks) => CaChecks, key: string) => {
      pending.current.delete(key);
      setChecks((c) => keepOnly(add(c), latest.current.wanted));
    };
    const needed = (key: string, have: ReadonlyMap<string, unknown>) => {
      if (have.has(key) || pending.current.has(key)) return false;
      pending.current.add(key);
      return true;
    };
    setChecks((c) => keepOnly(c, wanted));
    for (const [key, pair, keyFile] of wanted.existing) {
      if (!needed(key, latest.current.checks.existing)) continue;
      // The x509 code loads with the first CA to check, not with every page.
      import("@/lib/wizard/verify-existing-ca")
        .then(({ verifyExistingCa }) => verifyExistingCa(globalThis.crypto, clock.current, pair, keyFile))
        .catch(failedExisting)
        .then((check) => land((c) => withExistingCheck(c, key, check), key));
    }
    const key = wanted.corporate;
    if (key && needed(key, latest.current.checks.corporate)) {
      import("@/lib/wizard/verify-corporate")
        .then(({ verifyCorporate }) => verifyCorporate(globalThis.crypto, clock.current, corporate, stems))
        .catch((error: unknown) => failedCorporate(stems, error))
        .then((check) => land((c) => withCorporateCheck(c, key, check), key));
    }
    // `wanted` changes exactly when a text to check does; the texts themselves are read with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted]);

  return checks;
}

interface Wanted {
  existing: [key: string, pair: ExistingCaInput, keyFile: string][];
  corporate: string | null;
}

/** The checks the current input needs, by key; hashing 50 MB of files happens only when they change. */
function useWanted(
  source: WizardInput["ca"]["source"],
  existing: ExistingCaInput,
  agentExisting: ExistingCaInput,
  corporate: CorporateInput,
  stems: readonly CorporateStem[],
): Wanted {
  return useMemo(() => {
    const pairs: [ExistingCaInput, string][] = [
      [existing, cfsslNames(CA_STEM).key],
      [agentExisting, cfsslNames(AGENT_CA_STEM).key],
    ];
    const ready = (p: ExistingCaInput) => p.certPem.trim() !== "" && p.keyPem.trim() !== "";
    return {
      existing:
        source === "existing"
          ? pairs
              .filter(([p]) => ready(p))
              .map(([p, keyFile]) => [existingCaKey(p), p, keyFile] as Wanted["existing"][number])
          : [],
      corporate: source === "corporate" && corporate.files.length > 0 ? corporateKey(corporate, stems) : null,
    };
  }, [source, existing, agentExisting, corporate, stems]);
}

/** Results for texts no longer in the fields are dropped: the map does not grow with every keystroke. */
function keepOnly(checks: CaChecks, wanted: Wanted): CaChecks {
  const keys = new Set(wanted.existing.map(([key]) => key));
  const existing = new Map([...checks.existing].filter(([key]) => keys.has(key)));
  const corporate = new Map([...checks.corporate].filter(([key]) => key === wanted.corporate));
  return existing.size === checks.existing.size && corporate.size === checks.corporate.size
    ? checks
    : { existing, corporate };
}
