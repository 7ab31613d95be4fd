import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { createCa } from "../pki/ca";
import { fingerprintSha256 } from "../pki/describe-cert";
import { nodeCrypto } from "../pki/node-crypto";
import { privateKeyPem, withNewline } from "../pki/pem";
import type { ResolvedPlan } from "../plan/resolved-plan";
import { certificatesIn } from "../sensu/tls-checks";
import type { Bundle } from "./bundle";
import { fileOf, subjectsIn } from "./ca-rotation.test-helper";
import { PLAN_FILE } from "./common-entries";
import { generateBundle } from "./generate";
import { guidePlan } from "./test-plan.test-helper";
import { requireTool, run } from "./unzipped.test-helper";

const NOW = new Date("2026-01-15T12:00:00Z");
const AGENT_TRUST = "backends/backend-2/etc/sensu/tls/agent-ca.pem";
const CA_TRUST = "backends/backend-2/etc/sensu/tls/ca.pem";
const AGENT_LEAF = "agents/agent/etc/sensu/tls/agent.pem";

let crypto: Crypto;
let dir: string;
const phases: Bundle[] = [];
let oldAgentFingerprint = "";

async function loadedCa(commonName: string) {
  const ca = await createCa(crypto, NOW, { commonName, validityHours: 43800, algorithm: "ecdsa-p256" });
  return {
    pair: {
      certPem: withNewline(ca.certificate.toString("pem")),
      keyPem: await privateKeyPem(crypto, ca.keys.privateKey),
    },
    fingerprint: await fingerprintSha256(crypto, ca.certificate),
  };
}

before(async () => {
  requireTool("openssl");
  crypto = await nodeCrypto();
  dir = mkdtempSync(join(tmpdir(), "agent-ca-transition-"));
  const main = await loadedCa("Sensu CA");
  const oldAgent = await loadedCa("Old Agent CA");
  oldAgentFingerprint = oldAgent.fingerprint;
  const base = guidePlan();
  assert.ok(base.agentCa && base.mtls.enabled, "the guide plan has a separate agent CA and agent mTLS");
  const plan = (agentExisting: { certPem: string; keyPem: string }, t?: ResolvedPlan["agentCaTransition"]) => ({
    ...base,
    ca: { commonName: "Sensu CA", validityHours: 0, algorithm: "ecdsa-p256" as const, existing: main.pair },
    agentCa: { commonName: "agent", validityHours: 0, algorithm: "ecdsa-p256" as const, existing: agentExisting },
    ...(t ? { agentCaTransition: t } : {}),
  });
  phases.push(await generateBundle(crypto, NOW, plan(oldAgent.pair)));
  const next = { commonName: "New Agent CA", validityHours: 43800, algorithm: "ecdsa-p256" as const };
  phases.push(await generateBundle(crypto, NOW, plan(oldAgent.pair, { kind: "rotate", phase: 1, next })));
  const newAgent = {
    certPem: fileOf(phases[1]!, "ca/agent-ca.pem"),
    keyPem: fileOf(phases[1]!, "ca/agent-ca-key.pem"),
  };
  phases.push(
    await generateBundle(
      crypto,
      NOW,
      plan(newAgent, { kind: "rotate", phase: 2, previousCaPem: oldAgent.pair.certPem }),
    ),
  );
  phases.push(
    await generateBundle(
      crypto,
      NOW,
      plan(newAgent, { kind: "rotate", phase: 3, previousFingerprint: oldAgent.fingerprint }),
    ),
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

function verifies(leafFrom: Bundle, trustFrom: Bundle, name: string) {
  writeFileSync(join(dir, `${name}-leaf.pem`), fileOf(leafFrom, AGENT_LEAF));
  writeFileSync(join(dir, `${name}-trust.pem`), fileOf(trustFrom, AGENT_TRUST));
  const at = String(Math.floor(NOW.getTime() / 1000) + 3600);
  return run("openssl", [
    "verify",
    "-x509_strict",
    "-attime",
    at,
    "-CAfile",
    join(dir, `${name}-trust.pem`),
    join(dir, `${name}-leaf.pem`),
  ]);
}

describe("rotating the agent CA on its own (separate layout)", () => {
  it("changes only agent-auth-trusted-ca-file and agent certificates, phase by phase", () => {
    const [p0, p1, p2, p3] = phases as [Bundle, Bundle, Bundle, Bundle];
    for (const p of [p1, p2, p3]) {
      assert.ok(p.zip.length > 0);
      assert.deepEqual(subjectsIn(fileOf(p, CA_TRUST)), ["CN=Sensu CA"], "the CA's trust is untouched");
      const rows = p.connections.filter((c) => c.id.startsWith("boundary:agent-ca:"));
      assert.equal(rows.length, 2);
      assert.ok(rows.every((r) => r.status === "pass"));
    }
    assert.deepEqual(subjectsIn(fileOf(p1, AGENT_TRUST)), ["CN=New Agent CA", "CN=Old Agent CA"]);
    assert.equal(certificatesIn(fileOf(p1, AGENT_LEAF))[0]?.issuer, "CN=Old Agent CA");
    assert.match(fileOf(p1, "ca/agent-ca-key.pem"), /BEGIN PRIVATE KEY/);
    assert.equal(verifies(p0, p1, "p0-p1").code, 0);
    assert.deepEqual(subjectsIn(fileOf(p2, AGENT_TRUST)), ["CN=New Agent CA", "CN=Old Agent CA"]);
    assert.equal(certificatesIn(fileOf(p2, AGENT_LEAF))[0]?.issuer, "CN=New Agent CA");
    assert.equal(verifies(p2, p1, "p2-p1").code, 0);
    assert.deepEqual(subjectsIn(fileOf(p3, AGENT_TRUST)), ["CN=New Agent CA"]);
    assert.notEqual(verifies(p1, p3, "p1-p3").code, 0);
  });

  it("records the agent CA's rotation in the plan file, apart from the CA's", () => {
    const fps = (b: Bundle) =>
      (JSON.parse(fileOf(b, PLAN_FILE)) as { caFingerprints: Record<string, unknown> }).caFingerprints;
    for (const [i, phase] of [
      [1, 1],
      [2, 2],
      [3, 3],
    ] as const) {
      const f = fps(phases[i]!);
      assert.equal(f.rotation, undefined);
      assert.deepEqual(f.agentRotation, { from: oldAgentFingerprint, to: f.agentCa, phase });
    }
  });
});
