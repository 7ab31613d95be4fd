import { type KeyAlgorithmId, signingParams } from "./algorithms";
import { generateKeyPair } from "./keys";
import { randomSerial } from "./serial";
import { validityFor } from "./validity";
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  type Pkcs10CertificateRequest,
  Pkcs10CertificateRequestGenerator,
  SubjectKeyIdentifierExtension,
  type X509Certificate,
  X509CertificateGenerator,
} from "./x509";

export interface CaRequest {
  commonName: string;
  validityHours: number;
  algorithm: KeyAlgorithmId;
}

export interface CertificateAuthority {
  algorithm: KeyAlgorithmId;
  certificate: X509Certificate;
  keys: CryptoKeyPair;
  csr: Pkcs10CertificateRequest;
}

/** A subject with only a CN, built structurally so commas or "=" in the name are never parsed. */
export function cnName(commonName: string): Record<string, string[]>[] {
  return [{ CN: [commonName] }];
}

/**
 * A self-signed root CA. No EKU: an EKU on a CA constrains every certificate below it, and etcd
 * then fails with "incompatible key usage" (reference point 4). No path length: cfssl sets none.
 */
export async function createCa(crypto: Crypto, now: Date, request: CaRequest): Promise<CertificateAuthority> {
  const keys = await generateKeyPair(crypto, request.algorithm);
  const signingAlgorithm = signingParams(request.algorithm);
  const { notBefore, notAfter } = validityFor(now, request.validityHours);
  const certificate = await X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomSerial(crypto),
      name: cnName(request.commonName),
      notBefore,
      notAfter,
      keys,
      signingAlgorithm,
      extensions: [
        new BasicConstraintsExtension(true, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
        await SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        await AuthorityKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  // cfssl writes ca.csr so the CA can later be cross-signed; the guide's file table lists it.
  const csr = await Pkcs10CertificateRequestGenerator.create(
    { name: cnName(request.commonName), keys, signingAlgorithm },
    crypto,
  );
  return { algorithm: request.algorithm, certificate, keys, csr };
}
