import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { requireTool, run } from "../bundle/unzipped.test-helper";
import { createCa } from "../pki/ca";
import { nodeCrypto } from "../pki/node-crypto";
import { expiryChecks } from "./expiry-checks";

let dir: string;
let crypto: Crypto;
before(async () => {
  requireTool("openssl");
  crypto = await nodeCrypto();
  // A space and a quote in the path prove the command quotes it.
  dir = mkdtempSync(join(tmpdir(), "sensu expiry's-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the check's command the way the agent does: /bin/sh -c. */
async function runCheckFor(daysLeft: number, issuedDaysAgo = 0) {
  // The clock is fixed per certificate so it ends `daysLeft` days after the real now.
  const now = new Date(Date.now() - issuedDaysAgo * 86_400_000);
  const ca = await createCa(crypto, now, {
    commonName: `Expires in ${daysLeft}`,
    validityHours: (daysLeft + issuedDaysAgo) * 24,
    algorithm: "ecdsa-p256",
  });
  const path = join(dir, `cert-${daysLeft}.pem`);
  writeFileSync(path, ca.certificate.toString("pem"));
  const checks = expiryChecks([{ role: "ca", certPath: path, subscriptions: ["sensu-backend"] }]);
  assert.ok(checks.ok);
  return run("sh", ["-c", checks.value[0]!.spec.command]);
}

describe("the expiry check command, run by sh against real openssl", () => {
  it("exits 2 at 3 days left, 1 at 20, 0 at 90, each with the end date", async () => {
    for (const [days, code, word] of [
      [3, 2, "CRITICAL"],
      [20, 1, "WARNING"],
      [90, 0, "OK"],
    ] as const) {
      const r = await runCheckFor(days);
      assert.equal(r.code, code, `${days} days: ${r.out}`);
      assert.match(
        r.stdout,
        new RegExp(`^${word}: .*cert-${days}\\.pem .*expires.* \\w{3} +\\d+ \\d\\d:\\d\\d:\\d\\d \\d{4} GMT\\n$`),
        r.out,
      );
    }
  });

  it("exits 2 for an expired certificate and for a missing file", async () => {
    const expired = await runCheckFor(-1, 10);
    assert.equal(expired.code, 2, expired.out);
    assert.match(expired.stdout, /^CRITICAL: .* expired on /);
    const checks = expiryChecks([{ role: "agent", certPath: join(dir, "missing.pem"), subscriptions: ["x"] }]);
    assert.ok(checks.ok);
    const missing = run("sh", ["-c", checks.value[0]!.spec.command]);
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /^CRITICAL: cannot read .*missing\.pem/);
  });
});
