import type { Connection } from "../sensu/connection";
import type { CertificateDates } from "./certificate-dates";
import type { ManifestEntry } from "./manifest-entry";

/** What generation hands the page: the files, the zip made of them, and what was checked. */
export interface Bundle {
  /** Every file, README.md first. */
  entries: ManifestEntry[];
  zip: Uint8Array;
  expiries: CertificateDates[];
  /** Every connection checked against these certificates and settings; any "fail" blocks download. */
  connections: Connection[];
  generatedAt: Date;
}
