// Apart from import-ca.ts so the parse (on every page) caps leaf validity without loading x509.
import { formatUtc } from "./format";

export interface CappedValidity {
  /** Hours to pass to issueLeaf: the request, or less so the leaf ends with its CA. */
  hours: number;
  capped: boolean;
  /** Why the validity was shortened, or null. */
  notice: string | null;
}

/**
 * A leaf may not outlive its CA (reference point 8) and issueLeaf refuses one that would. Cap the
 * requested hours at the CA's notAfter, counting from `now` rounded down to the second as
 * validityFor does, so the capped leaf ends exactly when the CA does.
 */
export function capLeafValidity(now: Date, caNotAfter: Date, requestedHours: number): CappedValidity {
  const issued = Math.floor(now.getTime() / 1000) * 1000;
  const maxSeconds = Math.floor((caNotAfter.getTime() - issued) / 1000);
  if (requestedHours * 3600 <= maxSeconds) return { hours: requestedHours, capped: false, notice: null };
  const hours = Math.max(0, maxSeconds) / 3600;
  return {
    hours,
    capped: true,
    notice: `Shortened from ${requestedHours} to ${Math.floor(hours)} hours so the certificate ends with its CA on ${formatUtc(caNotAfter)}.`,
  };
}
