import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  decodeOid,
  encodeOid,
  encodeSequence,
  encodeTlv,
  encodeUnsignedInteger,
  isSingleElement,
  readChildren,
  readTlv,
} from "./der";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("DER", () => {
  it("encodes the known answers for OIDs, integers and long lengths", () => {
    assert.equal(hex(encodeOid("1.2.840.113549.1.1.1")), "06092a864886f70d010101");
    assert.equal(hex(encodeOid("1.3.132.0.34")), "06052b81040022");
    assert.equal(decodeOid(encodeOid("1.2.840.10045.3.1.7").subarray(2)), "1.2.840.10045.3.1.7");
    assert.equal(hex(encodeUnsignedInteger(0n)), "020100");
    assert.equal(hex(encodeUnsignedInteger(128n)), "02020080", "a set top bit gets a leading zero");
    assert.equal(hex(encodeTlv(0x04, new Uint8Array(200)).subarray(0, 3)), "0481c8");
    assert.equal(hex(encodeTlv(0x04, new Uint8Array(300)).subarray(0, 4)), "0482012c");
  });

  it("reads back what it writes and refuses truncated or padded input", () => {
    const seq = encodeSequence(encodeUnsignedInteger(5n), encodeOid("2.5.29.20"));
    const top = readTlv(seq)!;
    assert.equal(top.tag, 0x30);
    assert.equal(readChildren(top.value)!.length, 2);
    assert.ok(isSingleElement(seq));
    assert.ok(!isSingleElement(seq.subarray(0, seq.length - 1)));
    assert.ok(!isSingleElement(Uint8Array.from([...seq, 0])));
    assert.equal(readTlv(Uint8Array.of(0x30, 0x80)), null, "no indefinite length");
  });
});
