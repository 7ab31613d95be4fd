import type { KeyAlgorithmId } from "./algorithms";
import {
  decodeOid,
  DER_NULL,
  encodeOid,
  encodeSequence,
  encodeTlv,
  encodeUnsignedInteger,
  readChildren,
  readTlv,
  TAG,
} from "./der";
import { describeBlocks, parsePemBlocks, type PemBlock, type PemResult } from "./pem-blocks";

/** How the key was written: OpenSSL 3 and `genpkey` write PKCS#8; `-traditional` and cfssl's ECDSA keys do not. */
export type KeyFormat = "pkcs8" | "pkcs1" | "sec1";

export interface ImportedKey {
  algorithm: KeyAlgorithmId;
  /** The private key is extractable: the wizard may write it back out as PKCS#8. */
  keys: CryptoKeyPair;
  format: KeyFormat;
}

const OID = {
  rsa: "1.2.840.113549.1.1.1",
  rsaPss: "1.2.840.113549.1.1.10",
  ec: "1.2.840.10045.2.1",
  p256: "1.2.840.10045.3.1.7",
  p384: "1.3.132.0.34",
  p521: "1.3.132.0.35",
  ed25519: "1.3.101.112",
  ed448: "1.3.101.113",
} as const;

const CURVES: Record<string, { id: KeyAlgorithmId; namedCurve: string; bytes: number }> = {
  [OID.p256]: { id: "ecdsa-p256", namedCurve: "P-256", bytes: 32 },
  [OID.p384]: { id: "ecdsa-p384", namedCurve: "P-384", bytes: 48 },
};

/** The exact command to hand a user whose key is password-protected. */
export function decryptCommand(fileName = "ca-key.pem"): string {
  const plain = fileName.replace(/(\.pem)?$/, "-plain.pem");
  return `openssl pkey -in ${fileName} -out ${plain}`;
}

type Wrapped = { pkcs8: Uint8Array; format: KeyFormat; algorithmOid: string; curveOid?: string };

/** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, OCTET STRING privateKey } (RFC 5208). */
function pkcs8(algorithm: Uint8Array, privateKey: Uint8Array): Uint8Array {
  return encodeSequence(encodeUnsignedInteger(0n), algorithm, encodeTlv(TAG.octetString, privateKey));
}

function readPkcs8(der: Uint8Array): Wrapped | null {
  const top = readTlv(der);
  const fields = top?.tag === TAG.sequence ? readChildren(top.value) : null;
  const algorithm = fields?.[1]?.tag === TAG.sequence ? readChildren(fields[1].value) : null;
  const oid = algorithm?.[0];
  if (!fields || !oid || oid.tag !== TAG.oid) return null;
  const params = algorithm?.[1];
  return {
    pkcs8: der,
    format: "pkcs8",
    algorithmOid: decodeOid(oid.value),
    curveOid: params?.tag === TAG.oid ? decodeOid(params.value) : undefined,
  };
}

/**
 * ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters OPTIONAL, [1] publicKey OPTIONAL }
 * (RFC 5915). The curve comes from [0], else from a separate EC PARAMETERS block, else from the
 * private key's length.
 */
function wrapSec1(der: Uint8Array, paramsBlock: PemBlock | undefined): PemResult<Wrapped> {
  const top = readTlv(der);
  const fields = top?.tag === TAG.sequence ? readChildren(top.value) : null;
  const secret = fields?.[1];
  if (!fields || secret?.tag !== TAG.octetString)
    return { ok: false, message: "The EC PRIVATE KEY block is not an EC private key (RFC 5915): the file is damaged." };
  const explicit = fields.find((f) => f.tag === TAG.context0);
  const inner = explicit ? readTlv(explicit.value) : paramsBlock ? readTlv(paramsBlock.der) : null;
  let curveOid = inner?.tag === TAG.oid ? decodeOid(inner.value) : undefined;
  if ((explicit || paramsBlock) && !curveOid)
    return {
      ok: false,
      message:
        "The EC key uses explicit curve parameters instead of a named curve; re-save it with `openssl pkey -in KEY -out key.pem` (OpenSSL 3 writes the curve's name).",
    };
  curveOid ??= Object.keys(CURVES).find((oid) => CURVES[oid]?.bytes === secret.value.length);
  if (!curveOid)
    return {
      ok: false,
      message: "The EC key does not say which curve it is on; re-save it with `openssl pkey -in KEY -out key.pem`.",
    };
  const algorithm = encodeSequence(encodeOid(OID.ec), encodeOid(curveOid));
  return { ok: true, value: { pkcs8: pkcs8(algorithm, der), format: "sec1", algorithmOid: OID.ec, curveOid } };
}

function wrapPkcs1(der: Uint8Array): Wrapped {
  return { pkcs8: pkcs8(encodeSequence(encodeOid(OID.rsa), DER_NULL), der), format: "pkcs1", algorithmOid: OID.rsa };
}

/** The one key block, or the reason the text is not a single unencrypted private key. */
function pickKeyBlock(blocks: readonly PemBlock[], fileName: string): PemResult<{ key: PemBlock; params?: PemBlock }> {
  if (blocks.some((b) => b.kind === "encrypted-private-key")) {
    return {
      ok: false,
      message: `The private key is encrypted with a password, which the wizard does not ask for. Decrypt a copy first with \`${decryptCommand(fileName)}\` (it asks for the password), paste that file, then delete it.`,
    };
  }
  const keys = blocks.filter((b) => b.kind === "private-key");
  const params = blocks.filter((b) => b.kind === "ec-parameters");
  const others = blocks.filter((b) => b.kind !== "private-key" && b.kind !== "ec-parameters");
  const key = keys[0];
  if (!key) {
    const found = describeBlocks(blocks);
    const hint = blocks.some((b) => b.kind === "certificate")
      ? ` Paste the key file (${fileName}) here and the certificate in the certificate field.`
      : "";
    return {
      ok: false,
      message: `Expected a private key (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY), but this is ${found}.${hint}`,
    };
  }
  if (keys.length > 1) return { ok: false, message: `The text holds ${keys.length} private keys; paste exactly one.` };
  if (others.length > 0)
    return { ok: false, message: `The text holds ${describeBlocks(blocks)}; paste only the private key here.` };
  if (params.length > 1 || (params.length === 1 && key.label !== "EC PRIVATE KEY"))
    return { ok: false, message: "EC PARAMETERS may only precede an EC PRIVATE KEY; paste the key alone." };
  return { ok: true, value: { key, params: params[0] } };
}

function importParams(
  wrapped: Wrapped,
): PemResult<{ params: RsaHashedImportParams | EcKeyImportParams; ec?: KeyAlgorithmId }> {
  if (wrapped.algorithmOid === OID.rsa)
    return { ok: true, value: { params: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } } };
  if (wrapped.algorithmOid === OID.ec) {
    const curve = wrapped.curveOid ? CURVES[wrapped.curveOid] : undefined;
    if (!curve) {
      const name = wrapped.curveOid === OID.p521 ? "P-521" : `the curve ${wrapped.curveOid ?? "(unnamed)"}`;
      return { ok: false, message: `The key is an ECDSA key on ${name}; the wizard signs with P-256 or P-384 only.` };
    }
    return { ok: true, value: { params: { name: "ECDSA", namedCurve: curve.namedCurve }, ec: curve.id } };
  }
  const what =
    wrapped.algorithmOid === OID.rsaPss
      ? "an RSA-PSS key"
      : wrapped.algorithmOid === OID.ed25519 || wrapped.algorithmOid === OID.ed448
        ? "an EdDSA key"
        : `a key of type ${wrapped.algorithmOid}`;
  return {
    ok: false,
    message: `The key is ${what}; the wizard supports RSA (2048, 3072, 4096) and ECDSA (P-256, P-384) keys.`,
  };
}

function rsaId(bits: number): KeyAlgorithmId | null {
  return bits === 2048 ? "rsa-2048" : bits === 3072 ? "rsa-3072" : bits === 4096 ? "rsa-4096" : null;
}

/** The public half, rebuilt from the private key's JWK (WebCrypto cannot derive it directly). */
async function publicFromPrivate(
  crypto: Crypto,
  privateKey: CryptoKey,
  params: RsaHashedImportParams | EcKeyImportParams,
): Promise<CryptoKey> {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...jwk } = await crypto.subtle.exportKey("jwk", privateKey);
  return crypto.subtle.importKey("jwk", { ...jwk, key_ops: ["verify"] }, params, true, ["verify"]);
}

/**
 * A private key from PEM text: PKCS#8, PKCS#1 (`RSA PRIVATE KEY`) or SEC1 (`EC PRIVATE KEY`, with
 * or without cfssl's and `openssl ecparam`'s leading EC PARAMETERS block). WebCrypto reads only
 * PKCS#8, so the other two are wrapped first. `fileName` appears in the decrypt command.
 */
export async function importPrivateKeyPem(
  crypto: Crypto,
  text: string,
  fileName = "ca-key.pem",
): Promise<PemResult<ImportedKey>> {
  const parsed = parsePemBlocks(text, "the private key");
  if (!parsed.ok) return parsed;
  const picked = pickKeyBlock(parsed.value, fileName);
  if (!picked.ok) return picked;
  const { key, params: paramsBlock } = picked.value;
  let wrapped: Wrapped | null;
  if (key.label === "RSA PRIVATE KEY") wrapped = wrapPkcs1(key.der);
  else if (key.label === "EC PRIVATE KEY") {
    const sec1 = wrapSec1(key.der, paramsBlock);
    if (!sec1.ok) return sec1;
    wrapped = sec1.value;
  } else wrapped = readPkcs8(key.der);
  if (!wrapped) return { ok: false, message: "The PRIVATE KEY block is not a PKCS#8 key: the file is damaged." };
  const chosen = importParams(wrapped);
  if (!chosen.ok) return chosen;
  const { params, ec } = chosen.value;
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey("pkcs8", wrapped.pkcs8 as BufferSource, params, true, ["sign"]);
  } catch (e) {
    return {
      ok: false,
      message: `failed to read the private key: it is not a valid ${key.label} (${e instanceof Error ? e.message : String(e)}).`,
    };
  }
  let algorithm = ec ?? null;
  if (!algorithm) {
    const bits = (privateKey.algorithm as RsaHashedKeyAlgorithm).modulusLength;
    algorithm = rsaId(bits);
    if (!algorithm)
      return { ok: false, message: `The key is RSA ${bits}; the wizard supports RSA 2048, 3072 and 4096.` };
  }
  const publicKey = await publicFromPrivate(crypto, privateKey, params);
  return { ok: true, value: { algorithm, keys: { privateKey, publicKey }, format: wrapped.format } };
}
