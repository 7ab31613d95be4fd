import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { nodeCrypto } from "../pki/node-crypto";
import type { Bundle } from "./bundle";
import { generateBundle } from "./generate";
import { loopbackPlan } from "./test-plan.test-helper";
import { requireTool, run, unzipBundle } from "./unzipped.test-helper";

const CASES = [
  { layout: "separate", algorithm: "rsa-2048" },
  { layout: "single", algorithm: "ecdsa-p256" },
] as const;

for (const { layout, algorithm } of CASES) {
  describe(`openssl accepts the ${layout}-CA bundle (${algorithm})`, () => {
    let bundle: Bundle;
    let dir: string;
    let cleanup = () => {};
    const f = (p: string) => join(dir, "files", p);
    const tls = (host: string, file: string) => f(`${host}/etc/sensu/tls/${file}`);
    const agentIssuer = () => (layout === "separate" ? f("ca/agent-ca.pem") : f("ca/ca.pem"));

    before(async () => {
      requireTool("openssl");
      bundle = await generateBundle(await nodeCrypto(), new Date(), loopbackPlan(layout, algorithm));
      ({ dir, cleanup } = unzipBundle(bundle));
    });
    after(() => cleanup());

    it("opens with python3 -m zipfile and restores the recorded modes", () => {
      assert.equal(run("python3", ["-m", "zipfile", "-t", join(dir, "bundle.zip")]).code, 0);
      for (const e of bundle.entries) assert.equal(statSync(f(e.path)).mode & 0o777, e.mode, e.path);
    });

    it("verifies every backend certificate as server and client, strictly", () => {
      for (const n of [1, 2, 3]) {
        const cert = tls(`backends/backend-${n}`, `backend-${n}.example.com.pem`);
        for (const purpose of ["sslserver", "sslclient"]) {
          const r = run("openssl", ["verify", "-x509_strict", "-purpose", purpose, "-CAfile", f("ca/ca.pem"), cert]);
          assert.equal(r.code, 0, r.out);
        }
      }
    });

    it("verifies the agent certificate as a client and refuses it as a server", () => {
      const cert = tls("agents/agent", "agent.pem");
      const ok = run("openssl", ["verify", "-x509_strict", "-purpose", "sslclient", "-CAfile", agentIssuer(), cert]);
      assert.equal(ok.code, 0, ok.out);
      const server = run("openssl", [
        "verify",
        "-x509_strict",
        "-purpose",
        "sslserver",
        "-CAfile",
        agentIssuer(),
        cert,
      ]);
      assert.notEqual(server.code, 0, "an agent certificate must not work as a server certificate");
      assert.match(server.out, /(unsuitable|unsupported) certificate purpose/);
    });

    if (layout === "separate") {
      it("does not chain the agent certificate to the CA that etcd trusts", () => {
        const r = run("openssl", ["verify", "-CAfile", f("ca/ca.pem"), tls("agents/agent", "agent.pem")]);
        assert.notEqual(r.code, 0);
        assert.match(r.out, /unable to get local issuer certificate/);
      });
    }

    it("matches each backend's host names and IPs, CN included", () => {
      const cert = tls("backends/backend-2", "backend-2.example.com.pem");
      for (const [flag, value] of [
        ["-checkhost", "backend-2.example.com"],
        ["-checkhost", "backend-2"],
        ["-checkhost", "localhost"],
        ["-checkip", "127.0.0.2"],
        ["-checkip", "127.0.0.1"],
        ["-checkip", "::1"],
      ]) {
        const r = run("openssl", ["x509", "-noout", flag!, value!, "-in", cert]);
        assert.match(r.out, /does match certificate/, `${flag} ${value}`);
      }
      const other = run("openssl", ["x509", "-noout", "-checkip", "127.0.0.3", "-in", cert]);
      assert.match(other.out, /does NOT match/);
    });

    it("pairs each private key with its certificate", () => {
      const pairs = [
        [
          tls("backends/backend-1", "backend-1.example.com.pem"),
          tls("backends/backend-1", "backend-1.example.com-key.pem"),
        ],
        [tls("agents/agent", "agent.pem"), tls("agents/agent", "agent-key.pem")],
        [f("ca/ca.pem"), f("ca/ca-key.pem")],
      ];
      for (const [cert, key] of pairs) {
        const fromCert = run("openssl", ["x509", "-noout", "-pubkey", "-in", cert!]);
        const fromKey = run("openssl", ["pkey", "-pubout", "-in", key!]);
        assert.equal(fromKey.code, 0, fromKey.out);
        assert.equal(fromCert.out, fromKey.out, cert);
      }
    });

    it("writes CSRs that verify, and certificates with the documented extensions", () => {
      for (const csr of ["ca/ca.csr", "ca/backend-1.example.com.csr", "ca/agent.csr"]) {
        assert.equal(run("openssl", ["req", "-verify", "-noout", "-in", f(csr)]).code, 0, csr);
      }
      const ca = run("openssl", ["x509", "-noout", "-text", "-in", f("ca/ca.pem")]).out;
      assert.match(ca, /Basic Constraints: critical\s+CA:TRUE/);
      assert.match(ca, /Key Usage: critical\s+Certificate Sign, CRL Sign/);
      assert.doesNotMatch(ca, /Extended Key Usage/);
      const agent = run("openssl", ["x509", "-noout", "-text", "-in", tls("agents/agent", "agent.pem")]).out;
      assert.doesNotMatch(agent, /Subject Alternative Name/);
      assert.match(agent, /Extended Key Usage:\s+TLS Web Client Authentication\n/);
      assert.doesNotMatch(agent, /CRL Distribution|OCSP/);
    });
  });
}
