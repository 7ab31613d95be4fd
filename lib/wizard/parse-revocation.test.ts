import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { errorsAt, inputWith } from "./test-helpers";

const withUrl = (crlUrl: string) => inputWith((i) => (i.revocation.crlUrl = crlUrl));

describe("the CRL URL", () => {
  it("accepts an http(s) URL written with the characters RFC 3986 allows, percent-encoding included", () => {
    for (const url of ["http://pki.example.com/agent-ca.crl", "https://pki.example.com/a%20b/c.crl?x=1&y=[2]"])
      assert.deepEqual(errorsAt(withUrl(url), "revocation.crlUrl"), [], url);
  });

  it("refuses what certificates (ASCII only), YAML and Markdown could read another way, saying how to encode it", () => {
    assert.match(errorsAt(withUrl("https://pki.example.com/<b>.crl"), "revocation.crlUrl")[0] ?? "", /"<" .*\(%3C\)/);
    assert.match(errorsAt(withUrl("https://pki.example.com/a`b`.crl"), "revocation.crlUrl")[0] ?? "", /"`" .*\(%60\)/);
    assert.match(errorsAt(withUrl("https://pki.example.com/a|b.crl"), "revocation.crlUrl")[0] ?? "", /"\|" .*\(%7C\)/);
    assert.match(errorsAt(withUrl("https://pki.exämple.com/a.crl"), "revocation.crlUrl")[0] ?? "", /"ä" .*\(%C3%A4\)/);
    assert.match(errorsAt(withUrl("https://pki.example.com/a b.crl"), "revocation.crlUrl")[0] ?? "", /spaces/);
  });
});
