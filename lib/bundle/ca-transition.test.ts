import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { nodeCrypto } from "../pki/node-crypto";
import { certificateBlocks } from "../pki/pem";
import { X509Certificate } from "../pki/x509";
import { phaseBoundaryConnections } from "../sensu/phase-boundary-check";
import type { Bundle } from "./bundle";
import { fileOf, type RotationBundles, rotationBundles, subjectsIn } from "./ca-rotation.test-helper";
import { PLAN_FILE } from "./common-entries";
import { guidePlan } from "./test-plan.test-helper";
import { requireTool, run } from "./unzipped.test-helper";

const readCertificates = (pem: string) => certificateBlocks(pem).map((block) => new X509Certificate(block));

const NOW = new Date("2026-01-15T12:00:00Z");
const TLS = "backends/backend-1/etc/sensu/tls";
const TRUST = [`${TLS}/ca.pem`, "agents/agent/etc/sensu/tls/ca.pem"];
const LEAF = `${TLS}/backend-1.example.com.pem`;

let crypto: Crypto;
let b: RotationBundles;
let dir: string;
before(async () => {
  requireTool("openssl");
  crypto = await nodeCrypto();
  dir = mkdtempSync(join(tmpdir(), "ca-transition-"));
  b = await rotationBundles(crypto, NOW, guidePlan());
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** openssl verify -x509_strict of one bundle's file against another bundle's trust file. */
function verifies(leafFrom: Bundle, trustFrom: Bundle, name: string): { code: number; out: string } {
  const leaf = join(dir, `${name}-leaf.pem`);
  const trust = join(dir, `${name}-trust.pem`);
  writeFileSync(leaf, fileOf(leafFrom, LEAF));
  writeFileSync(trust, fileOf(trustFrom, `${TLS}/ca.pem`));
  const at = String(Math.floor(NOW.getTime() / 1000) + 3600);
  return run("openssl", ["verify", "-x509_strict", "-attime", at, "-CAfile", trust, leaf]);
}

const planFile = (bundle: Bundle) =>
  JSON.parse(fileOf(bundle, PLAN_FILE)) as { caFingerprints: Record<string, unknown> };

describe("rotating the CA in three phases", () => {
  it("offers every phase's zip: each mixed-cluster connection verifies", () => {
    for (const bundle of [b.phase1, b.phase2, b.phase3, b.renewed]) {
      assert.ok(bundle.zip.length > 0);
      const boundary = bundle.connections.filter((c) => c.id.startsWith("boundary:"));
      assert.ok(boundary.length >= 8, "both directions of peers, clients, sensuctl and agents");
      assert.deepEqual(
        boundary.filter((c) => c.status !== "pass").map((c) => c.id),
        [],
      );
    }
  });

  it("phase 1: every trust file holds new then old, and the leaves are still the old CA's", () => {
    for (const path of [...TRUST, "ca/ca-trust.pem"])
      assert.deepEqual(subjectsIn(fileOf(b.phase1, path)), ["CN=Sensu New CA", "CN=Sensu Old CA"], path);
    assert.deepEqual(subjectsIn(fileOf(b.phase1, "ca/ca.pem")), ["CN=Sensu New CA"]);
    assert.match(fileOf(b.phase1, "ca/ca-key.pem"), /BEGIN PRIVATE KEY/);
    assert.equal(readCertificates(fileOf(b.phase1, LEAF))[0]?.issuer, "CN=Sensu Old CA");
    assert.equal(verifies(b.phase0, b.phase1, "p0-on-p1").code, 0);
  });

  it("phase 2: leaves from the new CA verify against the phase-1 trust file; trust is still both", () => {
    assert.equal(readCertificates(fileOf(b.phase2, LEAF))[0]?.issuer, "CN=Sensu New CA");
    for (const path of TRUST)
      assert.deepEqual(subjectsIn(fileOf(b.phase2, path)), ["CN=Sensu New CA", "CN=Sensu Old CA"], path);
    const r = verifies(b.phase2, b.phase1, "p2-on-p1");
    assert.equal(r.code, 0, r.out);
    assert.equal(
      b.phase2.entries.some((e) => e.path === "ca/ca-key.pem"),
      false,
      "the loaded key is not copied",
    );
  });

  it("phase 3: only the new CA is trusted, so a phase-1 certificate fails there", () => {
    for (const path of TRUST) assert.deepEqual(subjectsIn(fileOf(b.phase3, path)), ["CN=Sensu New CA"], path);
    const refused = verifies(b.phase1, b.phase3, "p1-on-p3");
    assert.notEqual(refused.code, 0);
    assert.match(refused.out, /unable to get local issuer certificate/);
    assert.equal(verifies(b.phase2, b.phase3, "p2-on-p3").code, 0);
  });

  it("records the rotation in each plan file: old and new fingerprints, the phase reached", () => {
    const newFp = planFile(b.phase1).caFingerprints.ca;
    for (const [bundle, phase] of [
      [b.phase1, 1],
      [b.phase2, 2],
      [b.phase3, 3],
    ] as const) {
      const fps = planFile(bundle).caFingerprints;
      assert.equal(fps.ca, newFp);
      assert.deepEqual(fps.rotation, { from: b.oldCa.fingerprint, to: newFp, phase });
    }
  });
});

describe("renewing the CA in place", () => {
  it("ships the renewed certificate to every host, and the old leaves verify against it", () => {
    for (const path of TRUST) assert.deepEqual(subjectsIn(fileOf(b.renewed, path)), ["CN=Sensu Old CA"]);
    assert.notEqual(fileOf(b.renewed, `${TLS}/ca.pem`), b.oldCa.certPem);
    const r = verifies(b.phase0, b.renewed, "p0-on-renewed");
    assert.equal(r.code, 0, r.out);
    assert.equal(
      b.renewed.entries.some((e) => e.path === "ca/ca-key.pem"),
      false,
    );
  });
});

describe("the guide's literal procedure (a new CA, no phase 1)", () => {
  it("fails the mixed-cluster check: a restarted host and an old one refuse each other", async () => {
    const [old] = readCertificates(fileOf(b.phase0, `${TLS}/ca.pem`));
    const [next] = readCertificates(fileOf(b.literal, `${TLS}/ca.pem`));
    assert.ok(old && next);
    const rows = await phaseBoundaryConnections(
      crypto,
      { label: "phase 0", issuer: old, trust: [old] },
      { label: "new CA", issuer: next, trust: [next] },
      { mtls: false, separateAgentCa: false },
    );
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.status === "fail"));
    assert.notEqual(verifies(b.phase0, b.literal, "p0-on-literal").code, 0);
  });
});
