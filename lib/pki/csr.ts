import { isRsa, type KeyAlgorithmId, signingParams } from "./algorithms";
import { cnName } from "./ca";
import { generateKeyPair } from "./keys";
import type { San } from "./names";
import { type ProfileId, PROFILES } from "./profiles";
import {
  ExtendedKeyUsageExtension,
  type Extension,
  KeyUsageFlags,
  KeyUsagesExtension,
  type Pkcs10CertificateRequest,
  Pkcs10CertificateRequestGenerator,
  SubjectAlternativeNameExtension,
} from "./x509";

export interface CsrRequest {
  profile: ProfileId;
  commonName: string;
  sans: readonly San[];
  algorithm: KeyAlgorithmId;
}

/**
 * A key pair and a CSR for an organization's CA to sign. The CSR asks for the profile's key usages
 * and SANs as extensions, so a CA that copies requested extensions issues exactly what Sensu needs.
 */
export async function makeCsr(
  crypto: Crypto,
  request: CsrRequest,
): Promise<{ keys: CryptoKeyPair; csr: Pkcs10CertificateRequest }> {
  const keys = await generateKeyPair(crypto, request.algorithm);
  const usage = isRsa(request.algorithm)
    ? KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment
    : KeyUsageFlags.digitalSignature;
  const extensions: Extension[] = [
    new KeyUsagesExtension(usage, true),
    new ExtendedKeyUsageExtension([...PROFILES[request.profile].extendedKeyUsages], false),
  ];
  if (request.sans.length > 0)
    extensions.push(
      new SubjectAlternativeNameExtension(
        request.sans.map((s) => ({ type: s.kind, value: s.value })),
        false,
      ),
    );
  const csr = await Pkcs10CertificateRequestGenerator.create(
    { name: cnName(request.commonName), keys, signingAlgorithm: signingParams(request.algorithm), extensions },
    crypto,
  );
  return { keys, csr };
}
