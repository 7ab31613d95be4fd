const HOUR_MS = 3_600_000;

/**
 * How far notBefore is set in the past. A host whose clock runs a few minutes behind would otherwise
 * reject a certificate issued "in the future" right after deployment.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

export const HOURS_PER_YEAR = 8760;

export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

/** Validity for a certificate issued at `now`, lasting `hours` from now (not from notBefore). */
export function validityFor(now: Date, hours: number): Validity {
  return {
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter: new Date(now.getTime() + hours * HOUR_MS),
  };
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOUR_MS);
}
