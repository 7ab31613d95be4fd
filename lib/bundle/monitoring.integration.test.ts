import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { loadAll } from "js-yaml";

import { nodeCrypto } from "../pki/node-crypto";
import type { CheckConfig } from "../sensu/expiry-checks";
import { generateBundle } from "./generate";
import { guidePlan } from "./test-plan.test-helper";
import { requireTool, run, unzipBundle } from "./unzipped.test-helper";

// The commands are taken from the bundle's own monitoring/expiry-checks.yaml, as sensuctl would
// load them, and run with sh against the bundle's certificates installed at the plan's TLS directory.
let scratch: string;
let tlsDir: string;
let checks: CheckConfig[];

before(async () => {
  requireTool("openssl");
  scratch = mkdtempSync(join(tmpdir(), "sensu-monitoring-"));
  tlsDir = join(scratch, "tls");
  mkdirSync(tlsDir);
  // Thresholds against the lifetimes: backends (180 days) are past critical (190), the agent
  // (4700 h, about 196 days) only past warning (200), the CAs (5 years) past neither.
  const plan = guidePlan((i) => ({
    ...i,
    plan: { ...i.plan, tlsDir },
    agents: { ...i.agents, validityHours: "4700" },
    renew: { warningDays: "200", criticalDays: "190" },
  }));
  const bundle = await generateBundle(await nodeCrypto(), new Date(), plan);
  const { dir, cleanup } = unzipBundle(bundle);
  try {
    const files = (p: string) => join(dir, "files", p);
    const hostTls = (host: string) => files(`${host}${tlsDir}`);
    for (const name of ["ca.pem", "agent-ca.pem", "backend-1.example.com.pem"])
      copyFileSync(join(hostTls("backends/backend-1"), name), join(tlsDir, name));
    copyFileSync(join(hostTls("agents/agent"), "agent.pem"), join(tlsDir, "agent.pem"));
    checks = loadAll(readFileSync(files("monitoring/expiry-checks.yaml"), "utf8")) as CheckConfig[];
  } finally {
    cleanup();
  }
});
after(() => rmSync(scratch, { recursive: true, force: true }));

const runCheck = (name: string) => {
  const check = checks.find((c) => c.metadata.name === name);
  assert.ok(check, `${name} is in expiry-checks.yaml`);
  return run("sh", ["-c", check.spec.command]);
};

describe("the bundle's expiry checks, run by sh against real openssl", () => {
  it("exit 0 for the CAs, 1 for the agent inside the warning threshold, 2 for a backend inside the critical one", () => {
    for (const [name, code, word] of [
      ["cert-expiry-ca", 0, "OK"],
      ["cert-expiry-agent-ca", 0, "OK"],
      ["cert-expiry-agent", 1, "WARNING"],
      ["cert-expiry-backend-1.example.com", 2, "CRITICAL"],
    ] as const) {
      const r = runCheck(name);
      assert.equal(r.code, code, `${name}: ${r.out}`);
      assert.match(r.stdout, new RegExp(`^${word}: ${tlsDir}/`), r.out);
    }
    assert.match(runCheck("cert-expiry-agent").stdout, /expires within 200 days/);
    assert.match(runCheck("cert-expiry-backend-1.example.com").stdout, /expires within 190 days/);
  });

  it("exit 2 where the certificate is not installed", () => {
    const r = runCheck("cert-expiry-backend-2.example.com");
    assert.equal(r.code, 2, r.out);
    assert.match(r.stdout, /^CRITICAL: cannot read /);
  });
});
