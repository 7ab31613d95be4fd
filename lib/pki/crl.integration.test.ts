import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { requireTool, run } from "../bundle/unzipped.test-helper";
import { type CertificateAuthority, createCa } from "./ca";
import { signCrl } from "./crl";
import { importCa } from "./import-ca";
import { issueLeaf } from "./issue";
import { nodeCrypto } from "./node-crypto";

const DAY = 86_400_000;
let dir: string;
let crypto: Crypto;
before(async () => {
  requireTool("openssl");
  crypto = await nodeCrypto();
  dir = mkdtempSync(join(tmpdir(), "sensu-crl-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const sh = (cmd: string, ...args: string[]) => run(cmd, args, { cwd: dir });

async function openSslCa(): Promise<CertificateAuthority> {
  assert.equal(sh("openssl", "genrsa", "-traditional", "-out", "corp-key.pem", "2048").code, 0);
  const req = sh(
    "openssl",
    "req",
    "-x509",
    "-new",
    "-key",
    "corp-key.pem",
    "-subj",
    "/CN=Corp CA",
    "-days",
    "30",
    "-sha256",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
    "-out",
    "corp.pem",
  );
  assert.equal(req.code, 0, req.out);
  const r = await importCa(crypto, new Date(), {
    certificatePem: readFileSync(join(dir, "corp.pem"), "utf8"),
    keyPem: readFileSync(join(dir, "corp-key.pem"), "utf8"),
  });
  assert.ok(r.ok, r.ok ? "" : r.message);
  return r.value.ca;
}

const CAS: [string, () => Promise<CertificateAuthority>][] = [
  [
    "a CA made here (P-256)",
    () =>
      createCa(crypto, new Date(), { commonName: "Sensu Test CA", validityHours: 24 * 30, algorithm: "ecdsa-p256" }),
  ],
  ["an imported openssl CA (RSA PKCS#1)", openSslCa],
];

for (const [name, makeCa] of CAS) {
  describe(`a CRL signed by ${name}`, () => {
    it("passes openssl crl -verify and makes openssl verify -crl_check refuse only the revoked leaf", async () => {
      const now = new Date();
      const ca = await makeCa();
      const leaf = (cn: string) =>
        issueLeaf(crypto, now, ca, {
          profile: "agent",
          commonName: cn,
          sans: [],
          validityHours: 24,
          algorithm: "ecdsa-p256",
        });
      const [good, bad] = [await leaf("good-agent"), await leaf("bad-agent")];
      const signed = await signCrl(crypto, now, ca, {
        nextUpdate: new Date(now.getTime() + 7 * DAY),
        revoked: [
          { serial: bad.certificate.serialNumber, revocationDate: now, reason: "keyCompromise" },
          { serial: "01", revocationDate: now },
        ],
      });
      assert.ok(signed.ok, signed.ok ? "" : signed.message);
      writeFileSync(join(dir, "ca.pem"), ca.certificate.toString("pem"));
      writeFileSync(join(dir, "crl.pem"), signed.value.pem);
      writeFileSync(join(dir, "good.pem"), good.certificate.toString("pem"));
      writeFileSync(join(dir, "bad.pem"), bad.certificate.toString("pem"));

      const crl = sh("openssl", "crl", "-verify", "-CAfile", "ca.pem", "-in", "crl.pem", "-noout", "-text");
      assert.equal(crl.code, 0, crl.out);
      assert.match(crl.out, /verify OK/);
      assert.match(crl.out, /Version 2/);
      assert.match(crl.out, /X509v3 CRL Number/);
      assert.match(crl.out, /X509v3 Authority Key Identifier/);

      const ok = sh("openssl", "verify", "-crl_check", "-CRLfile", "crl.pem", "-CAfile", "ca.pem", "good.pem");
      assert.equal(ok.code, 0, ok.out);
      const revoked = sh("openssl", "verify", "-crl_check", "-CRLfile", "crl.pem", "-CAfile", "ca.pem", "bad.pem");
      assert.notEqual(revoked.code, 0, revoked.out);
      assert.match(revoked.out, /certificate revoked/);
    });
  });
}
