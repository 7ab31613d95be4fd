import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import type { LoadedFile } from "../files/read-files";
import { isZip } from "../files/zip-reader";
import { createCa } from "../pki/ca";
import { describeCertificates } from "../pki/describe-cert";
import { nodeCrypto } from "../pki/node-crypto";
import { privateKeyPem, withNewline, withoutPrivateKeys } from "../pki/pem";
import { NOW } from "../wizard/test-helpers";
import { certificateSources, groupIdentical } from "./certificate-sources";
import { zipFiles } from "./zip";

let crypto: Crypto;
let caPem: string;
let otherPem: string;
let keyPem: string;
const bytes = (text: string) => new TextEncoder().encode(text);
const file = (name: string, content: string | Uint8Array): LoadedFile => ({
  name,
  bytes: typeof content === "string" ? bytes(content) : content,
});

before(async () => {
  crypto = await nodeCrypto();
  const ca = await createCa(crypto, NOW, { commonName: "Loaded CA", validityHours: 24 * 400, algorithm: "ecdsa-p256" });
  const other = await createCa(crypto, NOW, { commonName: "Soon CA", validityHours: 24 * 10, algorithm: "ecdsa-p256" });
  caPem = withNewline(ca.certificate.toString("pem"));
  otherPem = withNewline(other.certificate.toString("pem"));
  keyPem = await privateKeyPem(crypto, ca.keys.privateKey);
});

const bundleZip = () =>
  zipFiles(
    [
      { path: "README.md", mode: 0o644, content: "# bundle" },
      { path: "ca/ca.pem", mode: 0o644, content: caPem },
      { path: "ca/ca-key.pem", mode: 0o600, content: keyPem },
      {
        path: "ca/ca.csr",
        mode: 0o644,
        content: "-----BEGIN CERTIFICATE REQUEST-----\nAA==\n-----END CERTIFICATE REQUEST-----\n",
      },
      { path: "backends/b1/etc/sensu/tls/ca.pem", mode: 0o644, content: caPem },
      { path: "agents/a/etc/sensu/tls/agent.pem", mode: 0o644, content: otherPem },
    ],
    NOW,
  );

describe("certificateSources", () => {
  it("takes every certificate .pem from a zip, labelled by its path, and never reads a -key.pem", () => {
    const zip = bundleZip();
    assert.ok(isZip(zip));
    const out = certificateSources([file("sensu-tls-bundle.zip", zip)]);
    assert.deepEqual(
      out.files.map((f) => f.name),
      ["agents/a/etc/sensu/tls/agent.pem", "backends/b1/etc/sensu/tls/ca.pem", "ca/ca.pem"],
    );
    assert.deepEqual(out.ignoredKeys, ["ca/ca-key.pem"]);
    assert.deepEqual(out.problems, []);
    assert.ok(out.files.every((f) => !f.text.includes("PRIVATE KEY")));
  });

  it("names a .zip that is not a zip, and still loads the other files", () => {
    const out = certificateSources([file("broken.zip", "this is not a zip"), file("ca.pem", caPem)]);
    assert.equal(out.problems.length, 1);
    assert.match(
      out.problems[0]?.reason ?? "",
      /^failed to read broken\.zip as a zip \(.+\)\. Load the bundle as downloaded/,
    );
    assert.deepEqual(
      out.files.map((f) => f.name),
      ["ca.pem"],
    );
    const empty = certificateSources([
      file("empty.zip", zipFiles([{ path: "README.md", mode: 0o644, content: "x" }], NOW)),
    ]);
    assert.match(empty.problems[0]?.reason ?? "", /empty\.zip holds no \.pem file with a certificate/);
  });

  it("skips key files by name, cuts key blocks out of any text, and refuses binary files by name", () => {
    const out = certificateSources(
      [
        file("agent-key.pem", keyPem),
        file("both.pem", `${caPem}${keyPem}`),
        file("cert.der", new Uint8Array([0x30, 0x82, 0x00, 0xff, 0x00])),
      ],
      keyPem,
    );
    assert.deepEqual(out.ignoredKeys, ["agent-key.pem", "both.pem", "the pasted text"]);
    assert.deepEqual(
      out.files.map((f) => f.name),
      ["both.pem"],
    );
    assert.doesNotMatch(out.files[0]?.text ?? "", /PRIVATE KEY/);
    assert.match(
      out.problems[0]?.reason ?? "",
      /cert\.der is neither a zip nor PEM text.*openssl x509 -inform der -in cert\.der/,
    );
  });

  it("removes an unterminated key block to the end, so no message can quote it", () => {
    const cut = keyPem.slice(0, 80);
    assert.deepEqual(withoutPrivateKeys(`${caPem}${cut}`), { text: caPem, removed: 1 });
    assert.deepEqual(withoutPrivateKeys(caPem), { text: caPem, removed: 0 });
  });

  it("passes pasted text with garbage on, so describeCertificates names it and the rest still loads", async () => {
    const out = certificateSources([file("ca.pem", caPem)], `${otherPem}garbage here\n`);
    const described = await describeCertificates(crypto, NOW, out.files);
    assert.deepEqual(
      described.certificates.map((c) => c.source),
      ["ca.pem"],
    );
    assert.equal(described.skipped[0]?.name, "the pasted text");
    assert.match(described.skipped[0]?.reason ?? "", /the pasted text \("garbage here"\) is outside any -----BEGIN/);
  });
});

describe("groupIdentical", () => {
  it("shows a certificate copied into several folders once, its shallowest path first, in expiry order", async () => {
    const out = certificateSources([file("sensu-tls-bundle.zip", bundleZip())]);
    const described = await describeCertificates(crypto, NOW, out.files);
    const groups = groupIdentical(described.certificates);
    assert.deepEqual(
      groups.map((g) => [g.certificate.subject, g.sources]),
      [
        ["CN=Soon CA", ["agents/a/etc/sensu/tls/agent.pem"]],
        ["CN=Loaded CA", ["ca/ca.pem", "backends/b1/etc/sensu/tls/ca.pem"]],
      ],
    );
    assert.equal(groups[0]?.certificate.status, "expiring-soon");
  });
});

describe("certificateSources limits", () => {
  it("names a file too big to be a bundle without reading it", () => {
    const out = certificateSources([{ name: "huge.zip", bytes: new Uint8Array(), size: 50_000_000 }]);
    assert.match(out.problems[0]?.reason ?? "", /^huge\.zip is over 20 MB/);
    assert.deepEqual(out.files, []);
  });
});
