import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { fileOf, rotationBundles, subjectsIn } from "../bundle/ca-rotation.test-helper";
import { PLAN_FILE } from "../bundle/common-entries";
import { guidePlan } from "../bundle/test-plan.test-helper";
import { requireTool } from "../bundle/unzipped.test-helper";
import { nodeCrypto } from "../pki/node-crypto";
import { certificatesIn } from "../sensu/tls-checks";
import { scratchDir, sensuTls } from "./cli.test-helper";

let dir: string;
let cleanup = () => {};
before(() => {
  requireTool("unzip");
  ({ dir, cleanup } = scratchDir());
});
after(() => cleanup());

describe("sensu-tls bundle with a rotation's plan file", { timeout: 180_000 }, () => {
  it("goes on to the next phase, as the page does: phase 1's plan file and the new CA give phase 2", async () => {
    const b = await rotationBundles(await nodeCrypto(), new Date(), guidePlan());
    const path = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const run = sensuTls(
      [
        "bundle",
        ...["--plan", path("plan.json", fileOf(b.phase1, PLAN_FILE))],
        ...["--ca-cert", path("ca.pem", fileOf(b.phase1, "ca/ca.pem"))],
        ...["--ca-key", path("ca-key.pem", fileOf(b.phase1, "ca/ca-key.pem"))],
        ...["--out", join(dir, "phase2.zip")],
      ],
      dir,
    );
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    execFileSync("unzip", ["-q", join(dir, "phase2.zip"), "-d", join(dir, "phase2")]);
    const read = (p: string) => readFileSync(join(dir, "phase2", p), "utf8");
    const tls = "backends/backend-1/etc/sensu/tls";
    assert.deepEqual(subjectsIn(read(`${tls}/ca.pem`)), ["CN=Sensu New CA", "CN=Sensu Old CA"]);
    assert.equal(certificatesIn(read(`${tls}/backend-1.example.com.pem`))[0]?.issuer, "CN=Sensu New CA");
    const plan = JSON.parse(read(PLAN_FILE)) as { caFingerprints: { rotation?: { phase: number } } };
    assert.equal(plan.caFingerprints.rotation?.phase, 2);
  });
});
