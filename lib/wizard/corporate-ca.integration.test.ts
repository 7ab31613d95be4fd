import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { generateBundle } from "../bundle/generate";
import { requireTool, run, unzipBundle } from "../bundle/unzipped.test-helper";
import { nodeCrypto } from "../pki/node-crypto";
import { type CaChecks, corporateKey, NO_CA_CHECKS, withCorporateCheck } from "./ca-checks";
import { CA_PEM_READER } from "./ca-pem-reader";
import { defaultInput, type WizardInput } from "./model";
import { parseWizard } from "./parse";
import { resolvePlan } from "./resolve-plan";
import { checkStep } from "./test-helpers";
import { corporateStems, verifyCorporate } from "./verify-corporate";

let dir: string;
let crypto: Crypto;
const cleanups: (() => void)[] = [];
const now = () => new Date();
before(async () => {
  requireTool("openssl");
  crypto = await nodeCrypto();
  dir = mkdtempSync(join(tmpdir(), "sensu-corp-"));
  // The organization's PKI: a root, and an issuing intermediate below it.
  const ok = (...args: string[]) => assert.equal(run("openssl", args, { cwd: dir }).code, 0, args.join(" "));
  ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "root-key.pem");
  ok(
    "req",
    "-x509",
    "-new",
    "-key",
    "root-key.pem",
    "-subj",
    "/CN=Example Corp Root",
    "-days",
    "3650",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
    "-out",
    "root.pem",
  );
  ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "issuing-key.pem");
  ok("req", "-new", "-key", "issuing-key.pem", "-subj", "/CN=Example Corp Issuing CA", "-out", "issuing.csr");
  writeFileSync(
    join(dir, "ca.ext"),
    "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n",
  );
  ok(
    "x509",
    "-req",
    "-in",
    "issuing.csr",
    "-CA",
    "root.pem",
    "-CAkey",
    "root-key.pem",
    "-CAcreateserial",
    "-days",
    "1825",
    "-extfile",
    "ca.ext",
    "-out",
    "issuing.pem",
  );
});
after(() => {
  for (const c of cleanups) c();
  rmSync(dir, { recursive: true, force: true });
});

function corporateInput(): WizardInput {
  const input = defaultInput();
  input.plan.keyAlgorithm = "ecdsa-p256";
  input.plan.caLayout = "single";
  input.ca = {
    ...input.ca,
    source: "corporate",
    corporate: { ...input.ca.corporate, caPem: readFileSync(join(dir, "root.pem"), "utf8") },
  };
  return input;
}

/** What the organization's CA does with a CSR: copies its extensions, returns leaf + chain. */
function sign(csrPath: string, out: string, extra: string[] = ["-copy_extensions", "copy"]): string {
  const r = run(
    "openssl",
    [
      "x509",
      "-req",
      "-in",
      csrPath,
      "-CA",
      "issuing.pem",
      "-CAkey",
      "issuing-key.pem",
      "-CAcreateserial",
      "-days",
      "90",
      ...extra,
      "-out",
      out,
    ],
    { cwd: dir },
  );
  assert.equal(r.code, 0, r.out);
  return `${readFileSync(join(dir, out), "utf8")}${readFileSync(join(dir, "issuing.pem"), "utf8")}`;
}

/** What the page does: verify the loaded files and keep the result beside the input, keyed by its texts. */
let caChecks: CaChecks = NO_CA_CHECKS;
async function withChecked(input: WizardInput): Promise<WizardInput> {
  const stems = corporateStems(input);
  const check = await verifyCorporate(crypto, now(), input.ca.corporate, stems);
  caChecks = withCorporateCheck(caChecks, corporateKey(input.ca.corporate, stems), check);
  return input;
}

describe("the corporate-CA mode", () => {
  it("counts the CA step as still reading until the page has loaded the x509 reader, then accepts the CA", () => {
    const input = corporateInput();
    const before = parseWizard(input, { now: now(), caChecks: NO_CA_CHECKS });
    assert.deepEqual(
      before.steps.ca.errors.map((e) => [e.field, e.message]),
      [["ca.corporate.caPem", "Reading this CA certificate…"]],
    );
    assert.equal(before.resolved.ok, false, "nothing can be generated while the CA is being read");
    const after = parseWizard(input, { now: now(), caChecks: NO_CA_CHECKS, readCaPem: CA_PEM_READER });
    assert.deepEqual(after.steps.ca.errors, []);
    assert.ok(after.resolved.ok);
  });

  it("makes keys and CSRs, then builds the host bundles from what the organization's CA signed", async () => {
    const step1 = resolvePlan(corporateInput(), now(), caChecks);
    assert.ok(step1.ok, step1.ok ? "" : step1.steps.join());
    const csrBundle = await generateBundle(crypto, now(), step1.plan);
    assert.ok(
      csrBundle.entries.every(
        (e) => ["README.md", "sensu-tls-plan.json"].includes(e.path) || e.path.startsWith("csr/"),
      ),
      "step 1 holds only keys, CSRs, the plan and the README",
    );
    const unzipped = unzipBundle(csrBundle);
    cleanups.push(unzipped.cleanup);
    const csrDir = join(unzipped.dir, "files/csr");
    mkdirSync(join(dir, "signed"), { recursive: true });
    const files = readdirSync(csrDir).map((name) => ({
      name: `csr/${name}`,
      text: readFileSync(join(csrDir, name), "utf8"),
    }));
    for (const csr of readdirSync(csrDir).filter((n) => n.endsWith(".csr"))) {
      files.push({
        name: csr.replace(/\.csr$/, ".pem"),
        text: sign(join(csrDir, csr), `signed/${csr.replace(/\.csr$/, ".pem")}`),
      });
    }
    const input = await withChecked({
      ...corporateInput(),
      ca: { ...corporateInput().ca, corporate: { ...corporateInput().ca.corporate, files } },
    });
    assert.deepEqual(checkStep("ca", input, now(), caChecks).errors, []);
    const step2 = resolvePlan(input, now(), caChecks);
    assert.ok(step2.ok && step2.plan.corporateLeaves);
    const bundle = await generateBundle(crypto, now(), step2.plan);
    assert.deepEqual(
      bundle.connections.filter((c) => c.status === "fail").map((c) => c.id),
      [],
      "the cross-check follows the chain to the root",
    );
    assert.ok(!bundle.entries.some((e) => /ca-key\.pem$|ca-config\.json$/.test(e.path)));
    const out = unzipBundle(bundle);
    cleanups.push(out.cleanup);
    const f = (p: string) => join(out.dir, "files", p);
    const chain = readFileSync(f("backends/backend-2/etc/sensu/tls/backend-2.example.com.pem"), "utf8");
    assert.equal(chain.match(/BEGIN CERTIFICATE/g)?.length, 2, "leaf first, then the issuing CA");
    const verify = run("openssl", [
      "verify",
      "-purpose",
      "sslserver",
      "-CAfile",
      f("ca/ca.pem"),
      "-untrusted",
      f("backends/backend-2/etc/sensu/tls/backend-2.example.com.pem"),
      f("backends/backend-2/etc/sensu/tls/backend-2.example.com.pem"),
    ]);
    assert.equal(verify.code, 0, verify.out);
    const key = run("openssl", [
      "pkey",
      "-pubout",
      "-in",
      f("backends/backend-2/etc/sensu/tls/backend-2.example.com-key.pem"),
    ]).stdout;
    assert.equal(
      run("openssl", [
        "x509",
        "-pubkey",
        "-noout",
        "-in",
        f("backends/backend-2/etc/sensu/tls/backend-2.example.com.pem"),
      ]).stdout,
      key,
      "the key made in step 1 is the certificate's",
    );
  });

  it("in the separate layout, verifies agents with the agent CA given, and says when etcd would accept them too", async () => {
    const separate = (): WizardInput => {
      const input = corporateInput();
      input.plan.caLayout = "separate";
      input.ca.corporate.agentCaPem = readFileSync(join(dir, "root.pem"), "utf8");
      return input;
    };
    assert.ok(
      checkStep(
        "ca",
        { ...separate(), ca: { ...separate().ca, corporate: { ...separate().ca.corporate, agentCaPem: "" } } },
        now(),
      ).errors.some((e) => e.field === "ca.corporate.agentCaPem"),
    );
    const step1 = resolvePlan(separate(), now(), caChecks);
    assert.ok(step1.ok);
    const unzipped = unzipBundle(await generateBundle(crypto, now(), step1.plan));
    cleanups.push(unzipped.cleanup);
    const csrDir = join(unzipped.dir, "files/csr");
    const files = readdirSync(csrDir).map((name) => ({ name, text: readFileSync(join(csrDir, name), "utf8") }));
    for (const csr of readdirSync(csrDir).filter((n) => n.endsWith(".csr")))
      files.push({ name: `sep-${csr}.pem`, text: sign(join(csrDir, csr), `sep-${csr}.pem`) });
    const input = await withChecked({
      ...separate(),
      ca: { ...separate().ca, corporate: { ...separate().ca.corporate, files } },
    });
    const resolved = resolvePlan(input, now(), caChecks);
    assert.ok(resolved.ok);
    const bundle = await generateBundle(crypto, now(), resolved.plan);
    assert.deepEqual(
      bundle.connections.filter((c) => c.status === "fail").map((c) => c.id),
      [],
    );
    assert.equal(
      bundle.connections
        .find((c) => c.id === "agent:agent:backend-1")
        ?.checks.find((c) => /accepted by backend-1/.test(c.label))?.ok,
      true,
      "the agent's chain leads to agent-ca.pem",
    );
    assert.equal(
      bundle.connections.find((c) => c.id === "etcd-agent:backend-1")?.status,
      "note",
      "one root for both: etcd would accept agents, and the page says so",
    );
    assert.ok(bundle.entries.some((e) => e.path === "ca/agent-ca.pem"));
  });

  it("names the certificate whose names differ from its CSR, and one that is missing", async () => {
    const step1 = resolvePlan(corporateInput(), now(), caChecks);
    assert.ok(step1.ok);
    const unzipped = unzipBundle(await generateBundle(crypto, now(), step1.plan));
    cleanups.push(unzipped.cleanup);
    const csrDir = join(unzipped.dir, "files/csr");
    const files = readdirSync(csrDir).map((name) => ({ name, text: readFileSync(join(csrDir, name), "utf8") }));
    writeFileSync(
      join(dir, "other.ext"),
      "subjectAltName=DNS:elsewhere.example.com\nextendedKeyUsage=serverAuth,clientAuth\n",
    );
    files.push({
      name: "backend-1.pem",
      text: sign(join(csrDir, "backend-1.example.com.csr"), "wrong-names.pem", ["-extfile", "other.ext"]),
    });
    const input = await withChecked({
      ...corporateInput(),
      ca: { ...corporateInput().ca, corporate: { ...corporateInput().ca.corporate, files } },
    });
    const errors = checkStep("ca", input, now(), caChecks).errors.map((e) => e.message);
    assert.ok(
      errors.some((m) =>
        /backend-1\.example\.com: The certificate's names differ from the CSR's: .*missing from the certificate: DNS backend-1\.example\.com/.test(
          m,
        ),
      ),
      errors.join("\n"),
    );
    assert.ok(
      errors.some((m) =>
        /backend-2\.example\.com: None of the \d+ certificates loaded was issued for this CSR/.test(m),
      ),
      errors.join("\n"),
    );
    assert.equal(resolvePlan(input, now(), caChecks).ok, false, "nothing half-made");
  });
});
