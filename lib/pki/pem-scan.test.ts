import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { certificateBlocks, holdsCertificate, withoutPrivateKeys } from "./pem";
import { isPrivateKeyLabel, scanPem } from "./pem-scan";

const CERT = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----";
const KEY = "-----BEGIN EC PRIVATE KEY-----\nMAMCAQA=\n-----END EC PRIVATE KEY-----";
const spans = (text: string, accept?: (label: string) => boolean) =>
  scanPem(text, accept).map((s) => [s.label, text.slice(s.start, s.end), s.closed]);

describe("the PEM block scanner", () => {
  it("finds blocks wherever their markers are, pairing each BEGIN with the next END of its label", () => {
    assert.deepEqual(spans(`subject=CN=x\n${CERT}trailing${KEY}`), [
      ["CERTIFICATE", CERT, true],
      ["EC PRIVATE KEY", KEY, true],
    ]);
    assert.deepEqual(spans(`${CERT.replace("-----END CERTIFICATE-----", "")}\n${KEY}`), [
      ["CERTIFICATE", `${CERT.replace("-----END CERTIFICATE-----", "")}\n${KEY}`, false],
    ]);
  });

  it("looks only for the labels asked for, without losing a marker hidden behind another", () => {
    assert.deepEqual(spans(`${CERT}\n${KEY}`, isPrivateKeyLabel), [["EC PRIVATE KEY", KEY, true]]);
    const hidden = `-----BEGIN X ${KEY}`;
    assert.deepEqual(spans(hidden, isPrivateKeyLabel), [["EC PRIVATE KEY", KEY, true]]);
  });

  it("gives the lenient readers their blocks: certificates whole and not empty, keys cut out to the end", () => {
    assert.deepEqual(certificateBlocks(`${KEY}\n${CERT}\n-----BEGIN CERTIFICATE----------END CERTIFICATE-----`), [
      CERT,
    ]);
    assert.deepEqual(certificateBlocks(CERT.slice(0, 40)), []);
    assert.equal(holdsCertificate(CERT.slice(0, 40)), true);
    assert.equal(holdsCertificate("-----BEGIN X509 CERTIFICATE-----"), true);
    assert.equal(holdsCertificate(KEY), false);
    assert.deepEqual(withoutPrivateKeys(`${CERT}\n${KEY}\n${CERT}`), { text: `${CERT}\n\n${CERT}`, removed: 1 });
    assert.deepEqual(withoutPrivateKeys(`${CERT}\n${KEY.slice(0, 45)}`), { text: `${CERT}\n`, removed: 1 });
  });
});
