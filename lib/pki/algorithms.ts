/** Key algorithms the wizard offers. RSA 2048 is the guide's cfssl choice. */
export const KEY_ALGORITHMS = ["rsa-2048", "rsa-3072", "rsa-4096", "ecdsa-p256", "ecdsa-p384"] as const;
export type KeyAlgorithmId = (typeof KEY_ALGORITHMS)[number];

export const KEY_ALGORITHM_LABELS: Record<KeyAlgorithmId, string> = {
  "rsa-2048": "RSA 2048 (as in the guide)",
  "rsa-3072": "RSA 3072",
  "rsa-4096": "RSA 4096",
  "ecdsa-p256": "ECDSA P-256 (fast, small)",
  "ecdsa-p384": "ECDSA P-384",
};

export function isKeyAlgorithm(value: unknown): value is KeyAlgorithmId {
  return typeof value === "string" && (KEY_ALGORITHMS as readonly string[]).includes(value);
}

export function isRsa(id: KeyAlgorithmId): boolean {
  return id.startsWith("rsa-");
}

/** Parameters for `subtle.generateKey`. */
export function keyGenParams(id: KeyAlgorithmId): RsaHashedKeyGenParams | EcKeyGenParams {
  switch (id) {
    case "rsa-2048":
    case "rsa-3072":
    case "rsa-4096":
      return {
        name: "RSASSA-PKCS1-v1_5",
        modulusLength: Number(id.slice(4)),
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: "SHA-256",
      };
    case "ecdsa-p256":
      return { name: "ECDSA", namedCurve: "P-256" };
    case "ecdsa-p384":
      return { name: "ECDSA", namedCurve: "P-384" };
  }
}

/**
 * The signature algorithm a key of this kind signs with. SHA-384 pairs with P-384 so the hash is
 * not weaker than the curve (RFC 5480 §4); RSA keys of every size sign with SHA-256, as cfssl does.
 */
export function signingParams(id: KeyAlgorithmId): Algorithm | EcdsaParams {
  if (id === "ecdsa-p384") return { name: "ECDSA", hash: "SHA-384" } as EcdsaParams;
  if (id === "ecdsa-p256") return { name: "ECDSA", hash: "SHA-256" } as EcdsaParams;
  return { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as Algorithm;
}
