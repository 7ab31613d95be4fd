import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { commonNameProblem, dnsNameProblem, parseSan, sanKey, splitList } from "./names";

const kindOf = (text: string) => {
  const r = parseSan(text);
  return r.ok ? r.san.kind : "invalid";
};

describe("parseSan", () => {
  it("accepts the guide's names and addresses with the right kind", () => {
    assert.equal(kindOf("backend-1.example.com"), "dns");
    assert.equal(kindOf("localhost"), "dns");
    assert.equal(kindOf("10.0.0.1"), "ip");
    assert.equal(kindOf("127.0.0.1"), "ip");
    for (const v6 of [
      "::1",
      "::",
      "fe80::1",
      "2001:db8::8a2e:370:7334",
      "2001:0db8:0000:0000:0000:ff00:0042:8329",
      "::ffff:10.0.0.1",
      "1:2:3:4:5:6:7::",
    ]) {
      assert.equal(kindOf(v6), "ip", v6);
    }
  });

  it("rejects 555.1.1.1 and 10.0.0 as neither IP nor host name", () => {
    const a = parseSan("555.1.1.1");
    assert.ok(!a.ok && /555 is over 255/.test(a.message) && /not a host name/.test(a.message));
    const b = parseSan("10.0.0");
    assert.ok(!b.ok && /four numbers/.test(b.message));
  });

  it("rejects leading zeros, which Go refuses to parse", () => {
    assert.equal(kindOf("010.0.0.1"), "invalid");
  });

  it("rejects malformed IPv6", () => {
    for (const bad of [
      "1::2::3",
      "12345::",
      "[::1]",
      "fe80::1%eth0",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7",
      ":1::",
      "::ffff:300.1.1.1",
      "::g",
    ]) {
      assert.equal(kindOf(bad), "invalid", bad);
    }
  });

  it("rejects DNS names with bad labels, saying why", () => {
    const cases: [string, RegExp][] = [
      ["back_end.example.com", /underscore/],
      ["-backend.example.com", /hyphen/],
      ["backend-.example.com", /hyphen/],
      [`${"a".repeat(64)}.example.com`, /63/],
      [Array(64).fill("abcd").join("."), /253/],
      ["a..b", /empty label/],
      ["*.example.com", /wildcard/],
      ["exa mple.com", /letters, digits and hyphens/],
      ["backend.example.com.", /trailing dot/],
    ];
    for (const [name, reason] of cases) {
      const r = parseSan(name);
      assert.ok(!r.ok, name);
      assert.match(r.message, reason, name);
    }
  });

  it("accepts a label of exactly 63 and a name of exactly 253 characters", () => {
    assert.equal(dnsNameProblem(`${"a".repeat(63)}.com`), null);
    const name = `${Array(63).fill("abc").join(".")}.${"b".repeat(1)}`;
    assert.equal(name.length, 253);
    assert.equal(dnsNameProblem(name), null);
  });
});

describe("IPv6 canonical form", () => {
  it("writes every spelling as RFC 5952 text, so the certificate gets the typed bytes", () => {
    const cases: [string, string][] = [
      ["::ffff:10.0.0.1", "::ffff:a00:1"],
      ["0:0:0:0:0:ffff:10.0.0.1", "::ffff:a00:1"],
      ["2001:0DB8:0000:0000:0000:FF00:0042:8329", "2001:db8::ff00:42:8329"],
      ["0:0:0:0:0:0:0:1", "::1"],
      ["::", "::"],
      ["1:0:0:2:0:0:0:3", "1:0:0:2::3"],
      ["1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7"],
      ["fe80::", "fe80::"],
    ];
    for (const [typed, canonical] of cases) {
      const r = parseSan(typed);
      assert.ok(r.ok && r.san.kind === "ip", typed);
      assert.equal(r.san.value, canonical, typed);
    }
  });
});

describe("sanKey", () => {
  it("treats IPv6 spellings and DNS case as the same name", () => {
    const key = (t: string) => {
      const r = parseSan(t);
      assert.ok(r.ok);
      return sanKey(r.san);
    };
    assert.equal(key("::1"), key("0:0:0:0:0:0:0:1"));
    assert.equal(key("Backend-1.Example.com"), key("backend-1.example.com"));
    assert.notEqual(key("10.0.0.1"), key("10.0.0.2"));
  });
});

describe("commonNameProblem", () => {
  it("allows 64 characters and refuses 65, empty and padded names", () => {
    assert.equal(commonNameProblem("x".repeat(64)), null);
    assert.match(commonNameProblem("x".repeat(65)) ?? "", /65 characters; X.509 allows 64/);
    assert.match(commonNameProblem("") ?? "", /Enter/);
    assert.match(commonNameProblem(" ca") ?? "", /spaces/);
    assert.match(commonNameProblem("a\nb") ?? "", /control/);
  });

  it("refuses invisible characters that reorder or break the name, and keeps ordinary Unicode", () => {
    assert.match(commonNameProblem("Corp \u202Egnp.exe CA") ?? "", /invisible character U\+202E/);
    assert.match(commonNameProblem("Corp\u2028CA") ?? "", /U\+2028/);
    assert.match(commonNameProblem("Corp\u0085CA") ?? "", /U\+0085/);
    assert.match(commonNameProblem("\u2066Corp CA\u2069") ?? "", /U\+2066/);
    for (const fine of ["Société Générale CA", "株式会社 CA", "<img src=x> CA", "CA 👩‍💻"])
      assert.equal(commonNameProblem(fine), null, fine);
  });
});

describe("splitList", () => {
  it("splits on commas and white space", () => {
    assert.deepEqual(splitList(" localhost, 127.0.0.1 ::1,,"), ["localhost", "127.0.0.1", "::1"]);
  });
});
