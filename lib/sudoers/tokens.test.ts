import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { assetDirSegments, parseCommandName, parseDirectory, parseSha512, parseUserName, shellQuote } from "./tokens";

const SHA =
  "29a6e1725f37e533cd9f6a8a17b40ef757ba5ea5dc27701c19a7fb9ac9c2bdf9f684d758d4440f278bb7fc669e52bf02efb3fc6758731f7f3e10617a2fe026cf";
const messageOf = (r: { ok: boolean; message?: string }) => (r.ok ? "accepted" : (r.message ?? ""));

describe("parseUserName", () => {
  it("accepts the guide's user and ordinary service names", () => {
    for (const name of ["sensu", "_sensu", "sensu-agent", "s3nsu_2"]) assert.ok(parseUserName(name).ok, name);
  });

  it("refuses anything sudoers would read as more than one user name, saying why", () => {
    const cases: [string, RegExp][] = [
      ["", /Enter the user/],
      ["sensu ALL", /white space/],
      ["sensu\nroot", /line break/],
      ["sensu,root", /","/],
      ["%sensu", /must start/],
      ["ALL", /must start/],
      ["root:x", /":"/],
      ["sénsu", /non-ASCII/],
      ["a".repeat(33), /33 characters/],
      ["-sensu", /must start/],
      ["sensu#1", /"#"/],
    ];
    for (const [raw, reason] of cases) assert.match(messageOf(parseUserName(raw)), reason, JSON.stringify(raw));
  });

  it("refuses the lower-case words visudo reads as keywords where a user stands", () => {
    assert.match(messageOf(parseUserName("sudoedit")), /"sudoedit" cannot stand in a sudoers rule: .*built-in editor/);
    for (const digest of ["sha224", "sha256", "sha384", "sha512"])
      assert.match(messageOf(parseUserName(digest)), /start of a command digest.*visudo refuses/, digest);
    for (const fine of ["list", "all", "include", "sha1", "sudoedit2"]) assert.ok(parseUserName(fine).ok, fine);
  });
});

describe("parseDirectory", () => {
  it("accepts the default cache and install directories unchanged", () => {
    const r = parseDirectory("/var/cache/sensu/sensu-agent", "The cache directory");
    assert.ok(r.ok && r.value === "/var/cache/sensu/sensu-agent");
    assert.ok(parseDirectory("/usr/local/libexec/sensu", "x").ok);
  });

  it("refuses relative, dotted, doubled, globbed and hostile paths, naming the field", () => {
    const cases: [string, RegExp][] = [
      ["", /The cache directory is empty/],
      ["var/cache", /absolute/],
      ["/", /cannot be \//],
      ["/var/cache/", /trailing slash/],
      ["/var//cache", /\/\//],
      ["/var/cache/../etc", /"\.\." segment/],
      ["/var/./cache", /"\." segment/],
      ["/var/cache/*", /wildcard "\*"/],
      ["/var/cache/[ab]", /wildcard "\["/],
      ["/var/cache/a?", /wildcard "\?"/],
      ["/var/cache/!x", /wildcard "!"/],
      ["/var/cache sensu", /white space/],
      ["/var/cache,/etc", /","/],
      ["/var/cache:/etc", /":"/],
      ["/var/cache=x", /"="/],
      ["/var/cache\\x", /"\\"/],
      ["/var/#cache", /"#"/],
      ['/var/"cache"', /"""/],
      ["/var/'cache'", /"'"/],
      ["/var/cache\n", /line break/],
      ["/var/ca\u0000che", /control character/],
      [`/${"a".repeat(200)}`, /201 characters/],
    ];
    for (const [raw, reason] of cases) {
      const message = messageOf(parseDirectory(raw, "The cache directory"));
      assert.match(message, reason, JSON.stringify(raw));
      assert.match(message, /^The cache directory/, JSON.stringify(raw));
    }
  });
});

describe("parseCommandName", () => {
  it("accepts asset command names", () => {
    for (const c of ["system-profile-linux", "check-disk-usage.rb", "metrics_v2", "c++"])
      assert.ok(parseCommandName(c).ok, c);
  });

  it("refuses paths, leading dots and dashes, globs and separators", () => {
    for (const c of [
      "",
      "../sh",
      "bin/sh",
      ".hidden",
      "-rf",
      "*",
      "a b",
      "a,b",
      "a:b",
      "a=b",
      "a\\b",
      "#x",
      "é",
      "x".repeat(101),
    ]) {
      assert.equal(parseCommandName(c).ok, false, JSON.stringify(c));
    }
  });

  it("refuses the names sudoers gives a meaning of its own, saying what that meaning is", () => {
    assert.match(messageOf(parseCommandName("sudoedit")), /should not be specified with a path/);
    assert.match(messageOf(parseCommandName("ALL")), /keyword for every command/);
    assert.match(messageOf(parseCommandName("list")), /sudo -l/);
    // Exact words only: the case matters to sudoers, and an inherited property is no keyword.
    for (const fine of ["Sudoedit", "all", "lists", "toString", "constructor"])
      assert.ok(parseCommandName(fine).ok, fine);
  });
});

describe("parseSha512", () => {
  it("keeps the sha512 exactly as written, upper case included", () => {
    const upper = SHA.toUpperCase();
    const r = parseSha512(upper);
    assert.ok(r.ok && r.value === upper);
  });

  it("refuses a short, long or non-hex sha512 with its length or the bad character", () => {
    assert.match(messageOf(parseSha512(SHA.slice(0, 64))), /64 characters; it must be 128/);
    assert.match(messageOf(parseSha512(`${SHA}0`)), /129 characters/);
    assert.match(messageOf(parseSha512(`${SHA.slice(0, 127)}g`)), /"g"; it must be hexadecimal/);
    assert.match(messageOf(parseSha512(`${SHA.slice(0, 127)}*`)), /wildcard/);
    assert.match(messageOf(parseSha512("")), /empty/);
  });
});

describe("assetDirSegments", () => {
  it("splits an asset name into directory names, or refuses it", () => {
    assert.deepEqual(assetDirSegments("sensu/system-profile-linux"), ["sensu", "system-profile-linux"]);
    assert.equal(assetDirSegments("a/../b"), null);
    assert.equal(assetDirSegments("a:b"), null);
    assert.equal(assetDirSegments("/abs"), null);
  });
});

describe("shellQuote", () => {
  it("quotes single quotes so the word stays one word", () => {
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
    assert.equal(shellQuote("$(rm -rf /)"), "'$(rm -rf /)'");
  });
});
