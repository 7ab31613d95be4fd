import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { describe, it } from "node:test";

import { createCa } from "./ca";
import { fingerprintSha256 } from "./describe-cert";
import { nodeCrypto } from "./node-crypto";
import { fingerprintOfDer, sha256 } from "./sha256-sync";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("synchronous SHA-256", () => {
  it("matches node's digest at every padding boundary and on random data", () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 4099]) {
      const data = randomBytes(n);
      assert.equal(hex(sha256(data)), createHash("sha256").update(data).digest("hex"), `length ${n}`);
    }
    assert.equal(
      hex(sha256(new TextEncoder().encode("abc"))),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("prints a certificate's fingerprint as the async one does", async () => {
    const crypto = await nodeCrypto();
    const ca = await createCa(crypto, new Date("2026-01-15T12:00:00Z"), {
      commonName: "CA",
      validityHours: 100,
      algorithm: "ecdsa-p256",
    });
    assert.equal(fingerprintOfDer(ca.certificate.rawData), await fingerprintSha256(crypto, ca.certificate));
  });
});
