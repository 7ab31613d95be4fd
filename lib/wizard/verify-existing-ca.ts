import { fingerprintSha256 } from "../pki/describe-cert";
import { importCa } from "../pki/import-ca";
import { importPrivateKeyPem } from "../pki/import-key";
import { readNameConstraints } from "../pki/name-constraints-read";
import { readOneCertificate } from "../pki/read-certificates";
import type { ExistingCaCheck } from "./ca-checks";
import type { ExistingCaInput } from "./model";

/**
 * Verify a pasted CA certificate and key for use as the issuer, naming the field at fault: the
 * certificate (not one, not a CA, expired) or the key (not a key, encrypted, not this CA's).
 */
export async function verifyExistingCa(
  crypto: Crypto,
  now: Date,
  existing: ExistingCaInput,
  keyFileName: string,
): Promise<ExistingCaCheck> {
  const base = {
    commonName: "",
    algorithm: null,
    notAfter: "",
    fingerprint: "",
    notices: [],
  };
  const cert = readOneCertificate(existing.certPem, "the CA certificate");
  if (!cert.ok) return { ...base, ok: false, field: "certPem", message: cert.message };
  const result = await importCa(crypto, now, {
    certificatePem: existing.certPem,
    keyPem: existing.keyPem,
    keyFileName,
  });
  if (!result.ok) {
    const keyAlone = await importPrivateKeyPem(crypto, existing.keyPem, keyFileName);
    const keyAtFault = !keyAlone.ok || /private key does not belong/.test(result.message);
    return { ...base, ok: false, field: keyAtFault ? "keyPem" : "certPem", message: result.message };
  }
  const { ca, notices } = result.value;
  const nameConstraints = readNameConstraints(ca.certificate);
  return {
    ...(nameConstraints ? { nameConstraints } : {}),
    ...base,
    ok: true,
    field: "certPem",
    message: "",
    commonName: ca.certificate.subjectName.getField("CN")[0] ?? ca.certificate.subject,
    algorithm: ca.algorithm,
    notAfter: ca.certificate.notAfter.toISOString(),
    fingerprint: await fingerprintSha256(crypto, ca.certificate),
    notices,
  };
}
