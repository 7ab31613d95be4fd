// Apart from describe-cert.ts so the Renew page can mark certificates without loading x509: the
// reading Worker describes them, the page only labels.

/** Below this many days left a certificate is "expiring-soon": the expiry check's warning threshold. */
export const EXPIRING_SOON_DAYS = 30;

export type ExpiryStatus = "expired" | "expiring-soon" | "ok";

export function expiryStatus(daysLeft: number, now: Date, notAfter: Date): ExpiryStatus {
  if (now >= notAfter) return "expired";
  return daysLeft < EXPIRING_SOON_DAYS ? "expiring-soon" : "ok";
}
