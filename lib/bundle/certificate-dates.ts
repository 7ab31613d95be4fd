/** A certificate's expiry as the README's expiry table and the Review summary list it. */
export interface CertificateDates {
  /** Path of the certificate inside the zip. */
  path: string;
  subject: string;
  notAfter: Date;
}
