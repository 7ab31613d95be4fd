import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { requireTool, run } from "../bundle/unzipped.test-helper";
import type { KeyAlgorithmId } from "./algorithms";
import { importCa } from "./import-ca";
import { importPrivateKeyPem } from "./import-key";
import { issueLeaf } from "./issue";
import { nodeCrypto } from "./node-crypto";

/** Keys as each openssl command writes them, and the PEM label that proves the form. */
const KEYS: {
  name: string;
  args: string[];
  bits?: string;
  algorithm: KeyAlgorithmId;
  format: string;
  firstLine: string;
}[] = [
  {
    name: "genrsa -traditional (PKCS#1)",
    args: ["genrsa", "-traditional"],
    bits: "2048",
    algorithm: "rsa-2048",
    format: "pkcs1",
    firstLine: "-----BEGIN RSA PRIVATE KEY-----",
  },
  {
    name: "genpkey RSA 3072 (PKCS#8)",
    args: ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072"],
    algorithm: "rsa-3072",
    format: "pkcs8",
    firstLine: "-----BEGIN PRIVATE KEY-----",
  },
  {
    name: "genpkey EC P-384 (PKCS#8)",
    args: ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
    algorithm: "ecdsa-p384",
    format: "pkcs8",
    firstLine: "-----BEGIN PRIVATE KEY-----",
  },
  {
    name: "ecparam -genkey (SEC1 after EC PARAMETERS)",
    args: ["ecparam", "-name", "prime256v1", "-genkey"],
    algorithm: "ecdsa-p256",
    format: "sec1",
    firstLine: "-----BEGIN EC PARAMETERS-----",
  },
  {
    name: "ecparam -genkey -noout (SEC1 alone)",
    args: ["ecparam", "-name", "secp384r1", "-genkey", "-noout"],
    algorithm: "ecdsa-p384",
    format: "sec1",
    firstLine: "-----BEGIN EC PRIVATE KEY-----",
  },
];

let dir: string;
let crypto: Crypto;
before(async () => {
  requireTool("openssl");
  crypto = await nodeCrypto();
  dir = mkdtempSync(join(tmpdir(), "sensu-import-ca-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function openssl(...args: string[]): string {
  const r = run("openssl", args, { cwd: dir });
  assert.equal(r.code, 0, `openssl ${args.join(" ")}: ${r.out}`);
  return r.stdout;
}

function selfSignedCa(keyFile: string, certFile: string, extra: string[] = []): void {
  openssl(
    "req",
    "-x509",
    "-new",
    "-key",
    keyFile,
    "-subj",
    "/O=Example Corp/CN=Example Corp Sensu CA",
    "-days",
    "365",
    "-sha256",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
    ...extra,
    "-out",
    certFile,
  );
}

describe("importing a CA made by openssl", () => {
  for (const [i, k] of KEYS.entries()) {
    it(`${k.name}: issues a leaf that openssl verify accepts`, async () => {
      const keyFile = `ca-key-${i}.pem`;
      const certFile = `ca-${i}.pem`;
      // genrsa takes the key size last, after -out.
      openssl(...k.args, "-out", keyFile, ...(k.bits ? [k.bits] : []));
      const keyPem = readFileSync(join(dir, keyFile), "utf8");
      assert.equal(keyPem.split("\n")[0], k.firstLine);
      selfSignedCa(keyFile, certFile);
      const imported = await importCa(crypto, new Date(), {
        certificatePem: readFileSync(join(dir, certFile), "utf8"),
        keyPem,
      });
      assert.ok(imported.ok, imported.ok ? "" : imported.message);
      assert.equal(imported.value.ca.algorithm, k.algorithm);
      assert.equal(imported.value.keyFormat, k.format);
      const leaf = await issueLeaf(crypto, new Date(), imported.value.ca, {
        profile: "backend",
        commonName: "backend-1.example.com",
        sans: [{ kind: "dns", value: "backend-1.example.com" }],
        validityHours: 24,
        algorithm: "ecdsa-p256",
      });
      writeFileSync(join(dir, `leaf-${i}.pem`), leaf.certificate.toString("pem"));
      const verify = run(
        "openssl",
        ["verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", certFile, `leaf-${i}.pem`],
        { cwd: dir },
      );
      assert.equal(verify.code, 0, verify.out);
    });
  }

  it("refuses keys openssl encrypted, in both the PKCS#8 and the legacy Proc-Type form", async () => {
    openssl(
      "genpkey",
      "-algorithm",
      "EC",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-aes256",
      "-pass",
      "pass:secret",
      "-out",
      "enc8.pem",
    );
    openssl("genrsa", "-traditional", "-aes128", "-passout", "pass:secret", "-out", "enc1.pem", "2048");
    for (const file of ["enc8.pem", "enc1.pem"]) {
      const r = await importPrivateKeyPem(crypto, readFileSync(join(dir, file), "utf8"));
      assert.equal(r.ok, false, file);
      assert.match(
        r.ok ? "" : r.message,
        /encrypted with a password.*`openssl pkey -in ca-key\.pem -out ca-key-plain\.pem`/,
        file,
      );
    }
  });

  it("notes a pathLenConstraint of 0 and still issues", async () => {
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "pl-key.pem");
    openssl(
      "req",
      "-x509",
      "-new",
      "-key",
      "pl-key.pem",
      "-subj",
      "/CN=Path CA",
      "-days",
      "365",
      "-sha256",
      "-addext",
      "basicConstraints=critical,CA:TRUE,pathlen:0",
      "-addext",
      "keyUsage=critical,keyCertSign",
      "-out",
      "pl.pem",
    );
    const r = await importCa(crypto, new Date(), {
      certificatePem: readFileSync(join(dir, "pl.pem"), "utf8"),
      keyPem: readFileSync(join(dir, "pl-key.pem"), "utf8"),
    });
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.equal(r.value.pathLength, 0);
    assert.deepEqual(r.value.notices, [
      "The CA has pathLenConstraint 0: it can sign host certificates but no intermediate CAs, which is all the wizard issues.",
      "The CA's keyUsage lacks cRLSign, so it cannot sign a revocation list.",
    ]);
  });
});
