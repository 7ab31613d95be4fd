import { signingParams } from "./algorithms";
import type { CertificateAuthority } from "./ca";
import { randomSerial } from "./serial";
import { validityFor } from "./validity";
import { X509CertificateGenerator } from "./x509";

/**
 * The CA renewed in place (cfssl's -renewca, Puppet's certregen): the same subject, public key and
 * extensions — so the same subject key identifier, which the leaves' authority key identifier names —
 * and a new serial and validity. Every certificate the old CA certificate signed verifies against the
 * renewed one, so hosts can be restarted in any order.
 */
export async function renewCa(
  crypto: Crypto,
  now: Date,
  ca: CertificateAuthority,
  validityHours: number,
): Promise<CertificateAuthority> {
  const old = ca.certificate;
  const { notBefore, notAfter } = validityFor(now, validityHours);
  const certificate = await X509CertificateGenerator.create(
    {
      serialNumber: randomSerial(crypto),
      subject: old.subjectName,
      issuer: old.subjectName,
      notBefore,
      notAfter,
      // The old SubjectPublicKeyInfo byte for byte: the SKI is a hash of it, and chain building matches on it.
      publicKey: old.publicKey,
      signingKey: ca.keys.privateKey,
      signingAlgorithm: signingParams(ca.algorithm),
      // Copied as they are: name constraints, key usage and the SKI stay exactly what the leaves were issued under.
      extensions: old.extensions,
    },
    crypto,
  );
  return { ...ca, certificate };
}
