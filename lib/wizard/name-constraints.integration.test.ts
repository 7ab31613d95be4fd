import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { generateBundle } from "../bundle/generate";
import { requireTool, run, unzipBundle } from "../bundle/unzipped.test-helper";
import { nodeCrypto } from "../pki/node-crypto";
import { checkSignedCertificate } from "../pki/signed-cert-check";
import { type CaChecks, existingCaKey, NO_CA_CHECKS, withExistingCheck } from "./ca-checks";
import { defaultInput, type ExistingCaInput, type WizardInput } from "./model";
import { agentField } from "./parse-agents";
import { backendField } from "./parse-backends";
import { resolvePlan } from "./resolve-plan";
import { checkAll } from "./test-helpers";
import { verifyExistingCa } from "./verify-existing-ca";

// A CA made by openssl with name constraints, loaded as the existing CA: the plan's names outside
// them are refused at their fields, quoting the constraint; renamed to fit, the bundle's leaves
// pass openssl verify. openssl itself is asked first, so the rule the wizard applies is its rule.

let dir: string;
let crypto: Crypto;
const now = () => new Date();

before(async () => {
  requireTool("openssl");
  crypto = await nodeCrypto();
  dir = mkdtempSync(join(tmpdir(), "sensu-constrained-ca-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function openssl(...args: string[]): void {
  const r = run("openssl", args, { cwd: dir });
  assert.equal(r.code, 0, `openssl ${args.join(" ")}: ${r.out}`);
}
const read = (f: string) => readFileSync(join(dir, f), "utf8");
const EC = ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"];

/** A CA as an operator makes it with openssl, with the extensions given. */
function opensslCa(name: string, extensions: string[], issuer?: string): { certPem: string; keyPem: string } {
  openssl(...EC, "-out", `${name}-key.pem`);
  const basic = extensions.some((e) => e.startsWith("basicConstraints")) ? [] : ["basicConstraints=critical,CA:TRUE"];
  const ext = [...basic, "keyUsage=critical,keyCertSign,cRLSign", ...extensions];
  if (!issuer) {
    openssl(
      ...["req", "-x509", "-new", "-key", `${name}-key.pem`, "-subj", `/CN=${name}`, "-days", "365", "-sha256"],
      ...ext.flatMap((e) => ["-addext", e]),
      ...["-out", `${name}.pem`],
    );
  } else sign(name, issuer, ext, `/CN=${name}`);
  return { certPem: read(`${name}.pem`), keyPem: read(`${name}-key.pem`) };
}

/** A certificate for `name`'s key, signed by `issuer` with openssl x509 -req. */
function sign(name: string, issuer: string, extensions: string[], subject: string): void {
  if (run("test", ["-e", join(dir, `${name}-key.pem`)]).code !== 0) openssl(...EC, "-out", `${name}-key.pem`);
  // The request asks for the names it is signed with, as the wizard's CSRs do.
  const sans = extensions.filter((e) => e.startsWith("subjectAltName")).flatMap((e) => ["-addext", e]);
  openssl("req", "-new", "-key", `${name}-key.pem`, "-subj", subject, ...sans, "-out", `${name}.csr`);
  writeFileSync(join(dir, `${name}.ext`), `${extensions.join("\n")}\n`);
  openssl(
    ...["x509", "-req", "-in", `${name}.csr`, "-CA", `${issuer}.pem`, "-CAkey", `${issuer}-key.pem`],
    ...["-CAcreateserial", "-days", "30", "-sha256", "-extfile", `${name}.ext`, "-out", `${name}.pem`],
  );
}

const verify = (ca: string, leaf: string, purpose: string, untrusted?: string) =>
  run(
    "openssl",
    [
      ...["verify", "-x509_strict", "-purpose", purpose, "-CAfile", ca],
      ...(untrusted ? ["-untrusted", untrusted] : []),
      leaf,
    ],
    { cwd: dir },
  );

let caChecks: CaChecks = NO_CA_CHECKS;
async function loaded(pair: ExistingCaInput): Promise<ExistingCaInput> {
  caChecks = withExistingCheck(
    caChecks,
    existingCaKey(pair),
    await verifyExistingCa(crypto, now(), pair, "ca-key.pem"),
  );
  return pair;
}

function existingInput(ca: ExistingCaInput): WizardInput {
  const input = defaultInput();
  input.plan.keyAlgorithm = "ecdsa-p256";
  // One CA signs agents too, so their names meet its constraints as well.
  input.plan.caLayout = "single";
  input.ca = { ...input.ca, source: "existing", existing: ca };
  return input;
}

const errorsAt = (input: WizardInput, field: string) =>
  Object.values(checkAll(input, now(), caChecks))
    .flatMap((c) => c.errors)
    .filter((e) => e.field === field)
    .map((e) => e.message);

describe("a name-constrained CA made by openssl", () => {
  it("openssl itself refuses a leaf outside the constraint, and a dotted agent CN, but not a plain one", () => {
    opensslCa("Corp CA", ["nameConstraints=critical,permitted;DNS:.corp.internal"]);
    const server = ["basicConstraints=CA:FALSE", "extendedKeyUsage=serverAuth,clientAuth"];
    sign("outside", "Corp CA", [...server, "subjectAltName=DNS:backend-1.example.com"], "/CN=backend-1.example.com");
    assert.match(verify("Corp CA.pem", "outside.pem", "sslserver").out, /permitted subtree violation/);
    sign("inside", "Corp CA", [...server, "subjectAltName=DNS:backend-1.corp.internal"], "/CN=backend-1.corp.internal");
    assert.equal(verify("Corp CA.pem", "inside.pem", "sslserver").code, 0);
    const client = ["basicConstraints=CA:FALSE", "extendedKeyUsage=clientAuth"];
    sign("dotted-agent", "Corp CA", client, "/CN=agent.example.com");
    assert.match(verify("Corp CA.pem", "dotted-agent.pem", "sslclient").out, /permitted subtree violation/);
    sign("plain-agent", "Corp CA", client, "/CN=agent");
    assert.equal(verify("Corp CA.pem", "plain-agent.pem", "sslclient").code, 0);
  });

  it("refuses the guide's names at their fields, quoting the constraint; renamed to fit, openssl verifies every leaf", async () => {
    const ca = await loaded({ certPem: read("Corp CA.pem"), keyPem: read("Corp CA-key.pem") });
    const input = existingInput(ca);
    input.agents.rows = [...input.agents.rows, { id: "a2", commonName: "agent.example.com" }];
    const [row] = input.backends.rows;
    assert.ok(row);
    const constraint =
      /may not sign it: its name constraints permit only DNS:\.corp\.internal \(nameConstraints permitted;DNS:\.corp\.internal\)/;
    assert.match(
      errorsAt(input, backendField(row, "fqdn"))[0] ?? "",
      /^"backend-1\.example\.com" cannot be in this certificate/,
    );
    assert.match(errorsAt(input, backendField(row, "fqdn"))[0] ?? "", constraint);
    assert.match(
      errorsAt(input, backendField(row, "extraNames"))[0] ?? "",
      /^"localhost" cannot be in this certificate/,
    );
    assert.match(errorsAt(input, agentField({ id: "a2", commonName: "" }))[0] ?? "", constraint);
    assert.deepEqual(
      errorsAt(input, agentField({ id: "a1", commonName: "" })),
      [],
      "a CN of one label is no host name",
    );
    // The unqualified name is a SAN the wizard adds: left out, with a warning, rather than blocking the row.
    const warnings = checkAll(input, now(), caChecks).backends.warnings.filter(
      (w) => w.field === backendField(row, "name"),
    );
    assert.match(
      warnings[0]?.message ?? "",
      /^Left out of the certificate's names: .*permit only DNS:\.corp\.internal/,
    );
    assert.equal(resolvePlan(input, now(), caChecks).ok, false);

    input.agents.rows = input.agents.rows.slice(0, 1);
    for (const r of input.backends.rows) {
      r.fqdn = `${r.name}.corp.internal`;
      r.extraNames = "127.0.0.1, ::1";
    }
    input.api.apiUrlHost = "127.0.0.1";
    const resolved = resolvePlan(input, now(), caChecks);
    assert.ok(
      resolved.ok,
      resolved.ok ? "" : JSON.stringify(Object.values(checkAll(input, now(), caChecks)).flatMap((c) => c.errors)),
    );
    assert.deepEqual(
      resolved.plan.backends[0]?.sans.map((s) => s.value),
      ["backend-1.corp.internal", "10.0.0.1", "127.0.0.1", "::1"],
    );
    const bundle = await generateBundle(crypto, now(), resolved.plan);
    assert.deepEqual(
      bundle.connections.filter((c) => c.status === "fail"),
      [],
    );
    const { dir: out, cleanup } = unzipBundle(bundle);
    try {
      for (const n of [1, 2, 3]) {
        const leaf = join(out, `files/backends/backend-${n}/etc/sensu/tls/backend-${n}.corp.internal.pem`);
        const r = verify("Corp CA.pem", leaf, "sslserver");
        assert.equal(r.code, 0, r.out);
      }
      const agent = verify("Corp CA.pem", join(out, "files/agents/agent/etc/sensu/tls/agent.pem"), "sslclient");
      assert.equal(agent.code, 0, agent.out);
    } finally {
      cleanup();
    }
  });

  it("refuses the default local addresses under an IP constraint, at the field that holds them", async () => {
    const ca = await loaded(opensslCa("Net CA", ["nameConstraints=critical,permitted;IP:10.0.0.0/255.0.0.0"]));
    const input = existingInput(ca);
    const [row] = input.backends.rows;
    assert.ok(row);
    const extra = errorsAt(input, backendField(row, "extraNames"));
    assert.deepEqual(
      extra.map((m) => m.slice(0, m.indexOf(" cannot"))),
      ['"127.0.0.1"', '"::1"'],
    );
    assert.match(extra[0] ?? "", /permit only IP:10\.0\.0\.0\/255\.0\.0\.0/);
    assert.deepEqual(errorsAt(input, backendField(row, "ips")), [], "10.0.0.1 is inside 10.0.0.0/8");
  });
});

describe("an organization's chain that a verifier would refuse", () => {
  it("an issuing CA below a root with pathlen:0 is refused, as openssl verify refuses it", async () => {
    opensslCa("Strict Root", ["basicConstraints=critical,CA:TRUE,pathlen:0"]);
    opensslCa("Issuing CA", [], "Strict Root");
    sign(
      "corp-leaf",
      "Issuing CA",
      [
        "basicConstraints=CA:FALSE",
        "extendedKeyUsage=serverAuth,clientAuth",
        "subjectAltName=DNS:backend-1.example.com",
      ],
      "/CN=backend-1.example.com",
    );
    assert.match(
      verify("Strict Root.pem", "corp-leaf.pem", "sslserver", "Issuing CA.pem").out,
      /path length constraint exceeded/,
    );
    const checked = await checkSignedCertificate(crypto, now(), {
      csrPem: read("corp-leaf.csr"),
      certificatePem: read("corp-leaf.pem") + read("Issuing CA.pem"),
      chainPems: [read("Strict Root.pem")],
      profile: "backend",
    });
    assert.equal(checked.ok, false);
    assert.match(
      checked.ok ? "" : checked.message,
      /"CN=Strict Root" has pathLenConstraint 0, so at most 0 intermediate CAs may sit below it, and this chain has 1/,
    );
  });
});
