import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { generateBundle } from "../bundle/generate";
import { requireTool, run, unzipBundle } from "../bundle/unzipped.test-helper";
import { nodeCrypto } from "../pki/node-crypto";
import { type CaChecks, existingCaKey, NO_CA_CHECKS, withExistingCheck } from "./ca-checks";
import { defaultInput, type ExistingCaInput, type WizardInput } from "./model";
import { existingField } from "./parse-ca";
import { resolvePlan } from "./resolve-plan";
import { checkStep } from "./test-helpers";
import { verifyExistingCa } from "./verify-existing-ca";

let dir: string;
let crypto: Crypto;
const now = () => new Date();

before(async () => {
  requireTool("openssl");
  crypto = await nodeCrypto();
  dir = mkdtempSync(join(tmpdir(), "sensu-existing-ca-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function openssl(...args: string[]): void {
  const r = run("openssl", args, { cwd: dir });
  assert.equal(r.code, 0, `openssl ${args.join(" ")}: ${r.out}`);
}
const read = (f: string) => readFileSync(join(dir, f), "utf8");

/** A CA as an operator makes it with openssl, valid for `days`. */
function opensslCa(
  name: string,
  keyArgs: string[],
  days: number,
  extensions = ["basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign"],
): { certPem: string; keyPem: string } {
  openssl(...keyArgs, "-out", `${name}-key.pem`);
  openssl(
    "req",
    "-x509",
    "-new",
    "-key",
    `${name}-key.pem`,
    "-subj",
    `/CN=${name}`,
    "-days",
    String(days),
    "-sha256",
    ...extensions.flatMap((e) => ["-addext", e]),
    "-out",
    `${name}.pem`,
  );
  return { certPem: read(`${name}.pem`), keyPem: read(`${name}-key.pem`) };
}

/** What the page does: verify the pasted pair and keep the result beside the input, keyed by its texts. */
let caChecks: CaChecks = NO_CA_CHECKS;
const checkOf = (pair: ExistingCaInput) => caChecks.existing.get(existingCaKey(pair));
async function loaded(pair: { certPem: string; keyPem: string }): Promise<ExistingCaInput> {
  caChecks = withExistingCheck(
    caChecks,
    existingCaKey(pair),
    await verifyExistingCa(crypto, now(), pair, "ca-key.pem"),
  );
  return pair;
}

function existingInput(main: ExistingCaInput, agent?: ExistingCaInput): WizardInput {
  const input = defaultInput();
  input.plan.keyAlgorithm = "ecdsa-p256";
  input.ca = { ...input.ca, source: "existing", existing: main, agentExisting: agent ?? input.ca.agentExisting };
  return input;
}

describe("re-issuing with an existing CA made by openssl", () => {
  it("signs the guide's set with a PKCS#1 RSA CA and an EC agent CA; openssl verifies every leaf; no CA key in the bundle", async () => {
    const ca = await loaded(opensslCa("Corp Sensu CA", ["genrsa", "-traditional"], 3650));
    const agentCa = await loaded(
      opensslCa("Corp Agent CA", ["ecparam", "-name", "prime256v1", "-genkey", "-noout"], 3650),
    );
    assert.ok(checkOf(ca)?.ok && checkOf(agentCa)?.ok, `${checkOf(ca)?.message} ${checkOf(agentCa)?.message}`);
    const resolved = resolvePlan(existingInput(ca, agentCa), now(), caChecks);
    assert.ok(resolved.ok, resolved.ok ? "" : resolved.steps.join());
    assert.equal(resolved.plan.ca.commonName, "Corp Sensu CA");
    const bundle = await generateBundle(crypto, now(), resolved.plan);
    assert.equal(bundle.connections.filter((c) => c.status === "fail").length, 0);
    const paths = bundle.entries.map((e) => e.path);
    assert.ok(!paths.some((p) => p.endsWith("ca-key.pem")), "the loaded CA keys are not copied into the bundle");
    const { dir: out, cleanup } = unzipBundle(bundle);
    try {
      const f = (p: string) => join(out, "files", p);
      const verify = (caFile: string, leaf: string, purpose: string) =>
        run("openssl", ["verify", "-x509_strict", "-purpose", purpose, "-CAfile", caFile, leaf]);
      const backend = verify(
        join(dir, "Corp Sensu CA.pem"),
        f("backends/backend-1/etc/sensu/tls/backend-1.example.com.pem"),
        "sslserver",
      );
      assert.equal(backend.code, 0, backend.out);
      const agent = verify(join(dir, "Corp Agent CA.pem"), f("agents/agent/etc/sensu/tls/agent.pem"), "sslclient");
      assert.equal(agent.code, 0, agent.out);
      assert.equal(readFileSync(f("ca/ca.pem"), "utf8"), read("Corp Sensu CA.pem").replace(/\r\n/g, "\n"));
    } finally {
      cleanup();
    }
  });

  it("cuts leaves to end with a CA that expires sooner, and says so at the validity fields", async () => {
    const ca = await loaded(
      opensslCa("Short CA", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"], 20),
    );
    const input = existingInput(ca);
    input.plan.caLayout = "single";
    const warnings = checkStep("backends", input, now(), caChecks).warnings.filter(
      (w) => w.field === "backends.validityHours",
    );
    assert.match(warnings[0]?.message ?? "", /Shortened from 4320 to \d+ hours so the certificate ends with its CA/);
    const resolved = resolvePlan(input, now(), caChecks);
    assert.ok(resolved.ok);
    const bundle = await generateBundle(crypto, now(), resolved.plan);
    const { dir: out, cleanup } = unzipBundle(bundle);
    try {
      const end = run("openssl", [
        "x509",
        "-noout",
        "-enddate",
        "-in",
        join(out, "files/backends/backend-1/etc/sensu/tls/backend-1.example.com.pem"),
      ]).out;
      const caEnd = run("openssl", ["x509", "-noout", "-enddate", "-in", join(dir, "Short CA.pem")]).out;
      assert.equal(end, caEnd);
    } finally {
      cleanup();
    }
  });

  it("puts each problem at the field that caused it", async () => {
    const good = opensslCa("Good CA", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"], 365);
    const other = opensslCa("Other CA", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"], 365);
    const leaf = opensslCa("Not A CA", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"], 365, [
      "basicConstraints=critical,CA:FALSE",
    ]);
    openssl("pkey", "-in", "Good CA-key.pem", "-aes256", "-passout", "pass:secret", "-out", "encrypted.pem");
    const cases: [string, { certPem: string; keyPem: string }, "certPem" | "keyPem", RegExp][] = [
      [
        "a key that does not match",
        { certPem: good.certPem, keyPem: other.keyPem },
        "keyPem",
        /does not belong to "CN=Good CA"/,
      ],
      ["a certificate where the key goes", { certPem: good.certPem, keyPem: good.certPem }, "keyPem", /certificate/i],
      ["a key where the certificate goes", { certPem: good.keyPem, keyPem: good.keyPem }, "certPem", /key/i],
      ["a non-CA certificate", leaf, "certPem", /not a CA certificate/],
      [
        "two certificates where one is expected",
        { certPem: good.certPem + other.certPem, keyPem: good.keyPem },
        "certPem",
        /CN=Good CA.*CN=Other CA|two|2/i,
      ],
      [
        "garbage in the PEM",
        { certPem: `hello\n${good.certPem}`, keyPem: good.keyPem },
        "certPem",
        /line|outside|text/i,
      ],
      [
        "an encrypted key",
        { certPem: good.certPem, keyPem: read("encrypted.pem") },
        "keyPem",
        /openssl pkey -in ca-key\.pem/,
      ],
    ];
    for (const [name, pair, field, message] of cases) {
      const input = existingInput(await loaded(pair));
      input.plan.caLayout = "single";
      const errors = checkStep("ca", input, now(), caChecks).errors;
      const at = errors.find((e) => e.field === existingField("existing", field));
      assert.ok(at, `${name}: an error at ${field}, got ${JSON.stringify(errors)}`);
      assert.match(at.message, message, name);
      assert.equal(resolvePlan(input, now(), caChecks).ok, false, `${name}: nothing can be generated`);
    }
  });
});
