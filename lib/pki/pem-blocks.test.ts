import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { describeBlocks, parsePemBlocks } from "./pem-blocks";

const CERT = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----";
const KEY = "-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n-----END PRIVATE KEY-----";
const message = (text: string) => {
  const r = parsePemBlocks(text, "the CA certificate");
  assert.equal(r.ok, false, text);
  return r.ok ? "" : r.message;
};

describe("PEM blocks", () => {
  it("split text into labelled DER blocks, with CRLF and blank lines tolerated", () => {
    const r = parsePemBlocks(`\r\n${CERT}\r\n\r\n${KEY}\r\n`);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.map((b) => [b.label, b.kind, Buffer.from(b.der).toString("hex")]),
      [
        ["CERTIFICATE", "certificate", "3003020101"],
        ["PRIVATE KEY", "private-key", "3003020100"],
      ],
    );
    assert.equal(describeBlocks(r.value), "a certificate and a private key");
    const glued = parsePemBlocks(CERT + CERT);
    assert.ok(glued.ok && glued.value.length === 2, "`cat` of files without a final newline still splits");
  });

  it("tell keys, encrypted keys, CSRs and EC parameters apart", () => {
    const text = [
      "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----",
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nq83vEjRWeJA=\n-----END RSA PRIVATE KEY-----",
      "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----",
      "-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----",
    ].join("\n");
    const r = parsePemBlocks(text);
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.deepEqual(
      r.value.map((b) => b.kind),
      ["ec-parameters", "encrypted-private-key", "encrypted-private-key", "csr"],
    );
    assert.equal(r.value[1]?.headers["DEK-Info"], "AES-128-CBC,00");
  });

  it("refuse garbage outside and inside blocks, naming the line", () => {
    assert.match(
      message(`Certificate:\n${CERT}`),
      /^Line 1 of the CA certificate \("Certificate:"\) is outside any -----BEGIN/,
    );
    assert.match(
      message(CERT.replace("MAMCAQE=", "MAMC AQE=")),
      /Line 2 of the CA certificate .* is inside the CERTIFICATE block but is not base64/,
    );
    assert.match(
      message(CERT.replace("-----END CERTIFICATE-----", "")),
      /has no -----END CERTIFICATE----- line: the text was cut off/,
    );
    assert.match(
      message(CERT.replace("END CERTIFICATE", "END PRIVATE KEY")),
      /begins as "CERTIFICATE" but ends as "PRIVATE KEY"/,
    );
    assert.match(message(CERT.replace("MAMCAQE=", "MAMCAQ==")), /is damaged: its contents end early/);
    assert.match(message(CERT.replace("MAMCAQE=", "MAMCA")), /not valid base64/);
    assert.match(
      message("-----BEGIN OPENSSH PRIVATE KEY-----\nMAA=\n-----END OPENSSH PRIVATE KEY-----"),
      /is a "OPENSSH PRIVATE KEY", which the wizard does not read/,
    );
    assert.match(message("  \n"), /^The CA certificate holds no PEM block/);
    assert.match(
      message(`${CERT.replace("-----END CERTIFICATE-----", "")}\n${KEY}`),
      /no -----END CERTIFICATE----- line before the next -----BEGIN/,
    );
  });
});
