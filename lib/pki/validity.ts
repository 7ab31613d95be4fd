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

/**
 * Validity for a certificate issued at `now`, lasting `hours` from now (not from notBefore).
 * Certificate times hold whole seconds, so `now` is rounded down first: otherwise a leaf given
 * exactly its CA's hours would end a fraction of a second after the CA and be refused.
 */
export function validityFor(now: Date, hours: number): Validity {
  const issued = Math.floor(now.getTime() / 1000) * 1000;
  return {
    notBefore: new Date(issued - CLOCK_SKEW_MS),
    notAfter: new Date(issued + hours * HOUR_MS),
  };
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOUR_MS);
}
