import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { pemOf } from "./pem";
import { PemConverter } from "./x509";

describe("pemOf", () => {
  it("writes the PEM x509's converter writes, for lengths around the 48-byte line and the 32 KiB chunk", () => {
    for (const n of [0, 1, 47, 48, 49, 1218, 32_768, 70_001]) {
      const der = new Uint8Array(n).map((_, i) => (i * 37 + 11) % 256).buffer;
      assert.equal(pemOf(der, "PRIVATE KEY"), PemConverter.encode(der, "PRIVATE KEY"), `${n} bytes`);
    }
  });

  it("reads back to the same bytes", () => {
    const der = new Uint8Array(300).map((_, i) => i % 256);
    const pem = pemOf(der.buffer, "CERTIFICATE");
    assert.deepEqual(new Uint8Array(PemConverter.decodeFirst(pem)), der);
  });
});
