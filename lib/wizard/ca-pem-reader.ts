import type { CaNameConstraints } from "../pki/name-constraints";
import { readNameConstraints } from "../pki/name-constraints-read";
import { certificateBlocks } from "../pki/pem";
import { X509Certificate } from "../pki/x509";
import type { CaPemReader } from "./step-parse";

/** Every CA certificate in a pasted field (the organization's root and intermediates) that carries constraints. */
function constraintsInPem(pem: string): CaNameConstraints[] {
  return certificateBlocks(pem).flatMap((block) => {
    try {
      const nc = readNameConstraints(new X509Certificate(block));
      return nc ? [nc] : [];
    } catch {
      // An unreadable certificate is reported at its field by the CA step's own parse.
      return [];
    }
  });
}

/**
 * What the synchronous parse reads from the organization's CA certificates. It is the parse's only
 * use of the x509 library, so the page loads this module (and x509) only in the corporate mode.
 */
export const CA_PEM_READER: CaPemReader = {
  commonName: (block) => new X509Certificate(block).subjectName.getField("CN")[0],
  constraints: constraintsInPem,
};
