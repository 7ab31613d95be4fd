import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { type KeyAlgorithmId, signingParams } from "./algorithms";
import { createCa } from "./ca";
import { encodeOid, readChildren, readTlv, TAG } from "./der";
import { decryptCommand, importPrivateKeyPem } from "./import-key";
import { generateKeyPair } from "./keys";
import { nodeCrypto } from "./node-crypto";
import { privateKeyPem } from "./pem";
import { PemConverter } from "./x509";

const NOW = new Date("2026-01-15T12:00:00Z");
let crypto: Crypto;
before(async () => {
  crypto = await nodeCrypto();
});

/** The key inside a PKCS#8 PrivateKeyInfo: PKCS#1 for RSA, SEC1 for EC — the "traditional" forms. */
async function traditionalDer(key: CryptoKey): Promise<Uint8Array> {
  const der = new Uint8Array(await crypto.subtle.exportKey("pkcs8", key));
  const fields = readChildren(readTlv(der)!.value)!;
  return fields[2]!.value;
}

const pem = (der: Uint8Array, label: string) => PemConverter.encode(der as BufferSource, label);

async function signsAndVerifies(keys: CryptoKeyPair, algorithm: KeyAlgorithmId): Promise<boolean> {
  const data = new TextEncoder().encode("challenge");
  const signature = await crypto.subtle.sign(signingParams(algorithm), keys.privateKey, data);
  return crypto.subtle.verify(signingParams(algorithm), keys.publicKey, signature, data);
}

describe("importing a private key", () => {
  for (const algorithm of ["rsa-2048", "ecdsa-p256", "ecdsa-p384"] as KeyAlgorithmId[]) {
    it(`reads ${algorithm} as PKCS#8 and in its traditional form, with a working public half`, async () => {
      const keys = await generateKeyPair(crypto, algorithm);
      const label = algorithm.startsWith("rsa") ? "RSA PRIVATE KEY" : "EC PRIVATE KEY";
      for (const [text, format] of [
        [await privateKeyPem(crypto, keys.privateKey), "pkcs8"],
        [pem(await traditionalDer(keys.privateKey), label), label === "RSA PRIVATE KEY" ? "pkcs1" : "sec1"],
      ] as const) {
        const r = await importPrivateKeyPem(crypto, text);
        assert.ok(r.ok, r.ok ? "" : r.message);
        assert.equal(r.value.algorithm, algorithm);
        assert.equal(r.value.format, format);
        assert.equal(r.value.keys.privateKey.extractable, true);
        assert.ok(await signsAndVerifies(r.value.keys, algorithm));
        const spki = async (k: CryptoKey) => Buffer.from(await crypto.subtle.exportKey("spki", k)).toString("hex");
        assert.equal(await spki(r.value.keys.publicKey), await spki(keys.publicKey));
      }
    });
  }

  it("accepts an EC PARAMETERS block before a SEC1 key, as `openssl ecparam -genkey` writes", async () => {
    const keys = await generateKeyPair(crypto, "ecdsa-p384");
    const text = `${pem(encodeOid("1.3.132.0.34"), "EC PARAMETERS")}\n${pem(await traditionalDer(keys.privateKey), "EC PRIVATE KEY")}`;
    const r = await importPrivateKeyPem(crypto, text);
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.equal(r.value.algorithm, "ecdsa-p384");
  });

  it("refuses an encrypted key with the exact openssl command to decrypt it", async () => {
    const pkcs8 = pem(Uint8Array.of(TAG.sequence, 0), "ENCRYPTED PRIVATE KEY");
    const legacy =
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,0123456789ABCDEF0123456789ABCDEF\n\nq83vEjRWeJA=\n-----END RSA PRIVATE KEY-----\n";
    for (const text of [pkcs8, legacy]) {
      const r = await importPrivateKeyPem(crypto, text);
      assert.equal(r.ok, false);
      assert.match(r.ok ? "" : r.message, /encrypted with a password/);
      assert.ok(
        !r.ok && r.message.includes("`openssl pkey -in ca-key.pem -out ca-key-plain.pem`"),
        !r.ok ? r.message : "",
      );
    }
    assert.equal(decryptCommand("agent-ca-key.pem"), "openssl pkey -in agent-ca-key.pem -out agent-ca-key-plain.pem");
  });

  it("says so when a certificate is pasted where the key belongs", async () => {
    const ca = await createCa(crypto, NOW, { commonName: "CA", validityHours: 24, algorithm: "ecdsa-p256" });
    const r = await importPrivateKeyPem(crypto, ca.certificate.toString("pem"));
    assert.equal(r.ok, false);
    assert.match(
      r.ok ? "" : r.message,
      /Expected a private key .* but this is a certificate\. Paste the key file \(ca-key\.pem\) here/,
    );
  });

  it("refuses two keys, a key with a certificate, and unsupported algorithms", async () => {
    const a = await privateKeyPem(crypto, (await generateKeyPair(crypto, "ecdsa-p256")).privateKey);
    const ca = await createCa(crypto, NOW, { commonName: "CA", validityHours: 24, algorithm: "ecdsa-p256" });
    const two = await importPrivateKeyPem(crypto, a + a);
    assert.match(two.ok ? "" : two.message, /holds 2 private keys; paste exactly one/);
    const mixed = await importPrivateKeyPem(crypto, a + ca.certificate.toString("pem"));
    assert.match(mixed.ok ? "" : mixed.message, /holds a private key and a certificate; paste only the private key/);
    const ed = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
    const edPem = await privateKeyPem(crypto, ed.privateKey);
    const r = await importPrivateKeyPem(crypto, edPem);
    assert.match(r.ok ? "" : r.message, /an EdDSA key; the wizard supports RSA/);
  });
});
