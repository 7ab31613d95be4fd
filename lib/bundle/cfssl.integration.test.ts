import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { nodeCrypto } from "../pki/node-crypto";
import { generateBundle } from "./generate";
import { loopbackPlan } from "./test-plan.test-helper";
import { requireTool, run, unzipBundle } from "./unzipped.test-helper";

// The bundle's ca/ folder lets an operator keep issuing with cfssl, as the Create a CA step promises:
// the real cfssl must accept our ca-config.json and CA key, and sign with the guide's profiles.
describe("cfssl keeps issuing from the bundle's ca/ folder", () => {
  let dir: string;
  let cleanup = () => {};
  const f = (p: string) => join(dir, "files", "ca", p);

  before(async () => {
    requireTool("cfssl");
    requireTool("openssl");
    const bundle = await generateBundle(await nodeCrypto(), new Date(), loopbackPlan("single", "ecdsa-p256"));
    ({ dir, cleanup } = unzipBundle(bundle));
  });
  after(() => cleanup());

  const gencert = (profile: string, csr: object) => {
    writeFileSync(f("csr.json"), JSON.stringify(csr));
    const r = run(
      "cfssl",
      ["gencert", "-config=ca-config.json", `-profile=${profile}`, "-ca=ca.pem", "-ca-key=ca-key.pem", "csr.json"],
      { cwd: join(dir, "files", "ca") },
    );
    assert.equal(r.code, 0, r.out);
    const json = JSON.parse(r.stdout) as { cert: string };
    writeFileSync(f("issued.pem"), json.cert);
    return run("openssl", ["x509", "-noout", "-text", "-in", f("issued.pem")]).out;
  };

  it("issues a fourth backend with the backend profile: server and client auth, 4320h", () => {
    const text = gencert("backend", {
      CN: "backend-4.example.com",
      hosts: ["backend-4.example.com", "10.0.0.4"],
      key: { algo: "ecdsa", size: 256 },
    });
    assert.match(text, /TLS Web Server Authentication, TLS Web Client Authentication/);
    assert.match(text, /DNS:backend-4\.example\.com, IP Address:10\.0\.0\.4/);
    const verify = run("openssl", [
      "verify",
      "-x509_strict",
      "-purpose",
      "sslserver",
      "-CAfile",
      f("ca.pem"),
      f("issued.pem"),
    ]);
    assert.equal(verify.code, 0, verify.out);
    const days = run("openssl", ["x509", "-noout", "-checkend", String(4319 * 3600), "-in", f("issued.pem")]);
    assert.equal(days.code, 0, "valid for about 4320h");
  });

  it("issues an agent with the agent profile: client auth only", () => {
    const text = gencert("agent", { CN: "agent-2", key: { algo: "ecdsa", size: 256 } });
    assert.match(text, /Extended Key Usage:\s+TLS Web Client Authentication\n/);
    assert.doesNotMatch(text, /Server Authentication/);
  });
});
