import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import {
  type Cluster,
  etcdctl,
  etcdFlagsFromBackendYml,
  type Member,
  startCluster,
  waitHealthy,
} from "../bundle/etcd-cluster.test-helper";
import { plannedEntries } from "../bundle/planned";
import { requireTool, run } from "../bundle/unzipped.test-helper";
import { parseConfig } from "../sensu/yaml";
import { ASSETS_READER } from "../wizard/assets-reader";
import { NO_CA_CHECKS } from "../wizard/ca-checks";
import { CA_PEM_READER } from "../wizard/ca-pem-reader";
import type { WizardInput } from "../wizard/model";
import { parseWizard } from "../wizard/parse";
import { resolvePlan } from "../wizard/resolve-plan";
import { STEPS } from "../wizard/steps";
import {
  type CliRun,
  inBatches,
  loopbackInput,
  scratchDir,
  sensuTls,
  sensuTlsAsync,
  writePlanFile,
} from "./cli.test-helper";
import { planIssues } from "./plan-fields";

const KEY_TEXT = /PRIVATE KEY|MIG[0-9A-Za-z+/]{20}/;
let dir: string;
let cleanup = () => {};
const unzip = (zip: string, to: string) => execFileSync("unzip", ["-q", "-o", zip, "-d", join(dir, to)]);

before(() => {
  for (const tool of ["openssl", "unzip", "etcd", "etcdctl", "script"]) requireTool(tool);
  ({ dir, cleanup } = scratchDir());
});
after(() => cleanup());

describe("sensu-tls bundle", { timeout: 240_000 }, () => {
  const input = loopbackInput();
  let first: ReturnType<typeof sensuTls>;
  const f = (p: string) => join(dir, "first", p);

  before(() => {
    writePlanFile(dir, "plan.json", input);
    first = sensuTls(["bundle", "--plan", "plan.json", "--out", "first.zip"], dir);
    assert.equal(first.code, 0, first.stderr);
    unzip(join(dir, "first.zip"), "first");
  });

  it("writes the zip 0600 with the file tree the wizard plans for the same input", () => {
    assert.equal(statSync(join(dir, "first.zip")).mode & 0o777, 0o600);
    assert.match(first.stdout, /^Wrote first\.zip \(0600\): \d+ files/);
    const resolved = resolvePlan(input, new Date());
    assert.ok(resolved.ok);
    const listed = execFileSync("unzip", ["-Z1", join(dir, "first.zip")], { encoding: "utf8" })
      .trim()
      .split("\n");
    assert.deepEqual(
      listed,
      plannedEntries(resolved.plan).map((e) => e.path),
    );
  });

  it("never prints a private key, and draws no progress bar when stderr is not a terminal", () => {
    assert.doesNotMatch(first.stdout + first.stderr, KEY_TEXT);
    assert.doesNotMatch(first.stderr, /\[#/);
  });

  it("refuses to overwrite without --force; with it, replaces the zip and keeps 0600", () => {
    const before = readFileSync(join(dir, "first.zip"));
    const again = sensuTls(["bundle", "--plan", "plan.json", "--out", "first.zip"], dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /^--out: first\.zip exists\. Pass --force to replace it/);
    assert.deepEqual(readFileSync(join(dir, "first.zip")), before);
    const forced = sensuTls(["bundle", "--plan", "plan.json", "--out", "forced.zip", "--json"], dir);
    assert.equal(forced.code, 0, forced.stdout);
    writeFileSync(join(dir, "forced.zip"), "something else", { mode: 0o644 });
    const replaced = sensuTls(["bundle", "--plan", "plan.json", "--out", "forced.zip", "--force"], dir);
    assert.equal(replaced.code, 0, replaced.stderr);
    assert.equal(statSync(join(dir, "forced.zip")).mode & 0o777, 0o600);
    assert.notEqual(readFileSync(join(dir, "forced.zip")).toString("latin1"), "something else");
    const parsed = JSON.parse(forced.stdout) as { ok: boolean; files: { path: string; mode: string }[] };
    assert.equal(parsed.ok, true);
    assert.ok(parsed.files.some((x) => x.path.endsWith("-key.pem") && x.mode === "0600"));
  });

  it("issues certificates openssl verifies strictly, each key matching its certificate", () => {
    for (const n of [1, 2, 3]) {
      const cert = f(`backends/backend-${n}/etc/sensu/tls/backend-${n}.example.com.pem`);
      for (const purpose of ["sslserver", "sslclient"]) {
        const r = run("openssl", ["verify", "-x509_strict", "-purpose", purpose, "-CAfile", f("ca/ca.pem"), cert]);
        assert.equal(r.code, 0, r.out);
      }
      const ip = run("openssl", ["x509", "-noout", "-checkip", `127.0.3.${n}`, "-in", cert]);
      assert.match(ip.out, /does match certificate/);
      const pub = (args: string[]) => run("openssl", args).stdout;
      assert.equal(
        pub(["x509", "-noout", "-pubkey", "-in", cert]),
        pub(["pkey", "-pubout", "-in", f(`backends/backend-${n}/etc/sensu/tls/backend-${n}.example.com-key.pem`)]),
      );
    }
    const agent = run("openssl", [
      "verify",
      "-x509_strict",
      "-purpose",
      "sslclient",
      "-CAfile",
      f("ca/agent-ca.pem"),
      f("agents/agent/etc/sensu/tls/agent.pem"),
    ]);
    assert.equal(agent.code, 0, agent.out);
  });

  describe("a real three-member etcd cluster from its backend.yml files", { timeout: 90_000 }, () => {
    let cluster: Cluster | undefined;
    const client = {
      cert: f("backends/backend-1/etc/sensu/tls/backend-1.example.com.pem"),
      key: f("backends/backend-1/etc/sensu/tls/backend-1.example.com-key.pem"),
    };
    before(() => {
      const members = [1, 2, 3].map((n): Member => {
        const host = f(`backends/backend-${n}`);
        const config = parseConfig(readFileSync(join(host, "etc/sensu/backend.yml"), "utf8"));
        return {
          name: `backend-${n}`,
          flags: etcdFlagsFromBackendYml(config, (p) => join(host, p)),
          clientUrl: (config["etcd-advertise-client-urls"] as string[])[0]!,
        };
      });
      cluster = startCluster(join(dir, "etcd"), members);
    });
    after(async () => cluster?.stop());

    it("becomes healthy and serves a put on one member and a get on another", async () => {
      const health = await waitHealthy(cluster!.endpoints, f("ca/ca.pem"), client, 3);
      const logs = () =>
        readdirSync(cluster!.logs)
          .map((n) => readFileSync(join(cluster!.logs, n), "utf8").slice(-2000))
          .join("\n");
      assert.equal(health.code, 0, `${health.out}\n${logs()}`);
      const [one, , three] = cluster!.endpoints.split(",");
      assert.equal(etcdctl(one!, f("ca/ca.pem"), client, ["put", "/sensu.io/cli", "same plan"]).code, 0);
      const got = etcdctl(three!, f("ca/ca.pem"), client, ["get", "/sensu.io/cli", "--print-value-only"]);
      assert.equal(got.out.trim(), "same plan", got.out);
    });
  });

  it("keeps an existing CA given with --ca-cert/--ca-key, and leaves its key out of the new zip", () => {
    const r = sensuTls(
      [
        "bundle",
        "--plan",
        "plan.json",
        "--out",
        "renewed.zip",
        "--ca-cert",
        f("ca/ca.pem"),
        "--ca-key",
        f("ca/ca-key.pem"),
        "--agent-ca-cert",
        f("ca/agent-ca.pem"),
        "--agent-ca-key",
        f("ca/agent-ca-key.pem"),
      ],
      dir,
    );
    assert.equal(r.code, 0, r.stderr);
    unzip(join(dir, "renewed.zip"), "renewed");
    const renewed = (p: string) => join(dir, "renewed", p);
    assert.equal(readFileSync(renewed("ca/ca.pem"), "utf8"), readFileSync(f("ca/ca.pem"), "utf8"));
    assert.throws(() => statSync(renewed("ca/ca-key.pem")));
    const v = run("openssl", [
      "verify",
      "-x509_strict",
      "-CAfile",
      f("ca/ca.pem"),
      renewed("backends/backend-2/etc/sensu/tls/backend-2.example.com.pem"),
    ]);
    assert.equal(v.code, 0, v.out);
  });

  it("names a key that is not the CA's at --ca-key, and never quotes a key given in the wrong place", () => {
    const wrong = sensuTls(
      [
        "bundle",
        "--plan",
        "plan.json",
        "--out",
        "x.zip",
        "--ca-cert",
        f("ca/ca.pem"),
        "--ca-key",
        f("ca/agent-ca-key.pem"),
      ],
      dir,
    );
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /^--ca-key: The private key does not belong to "CN=Sensu Test CA"/m);
    const swapped = sensuTls(
      [
        "bundle",
        "--plan",
        "plan.json",
        "--out",
        "x.zip",
        "--ca-cert",
        f("ca/ca-key.pem"),
        "--ca-key",
        f("ca/ca-key.pem"),
        "--json",
      ],
      dir,
    );
    assert.equal(swapped.code, 2);
    assert.doesNotMatch(swapped.stdout + swapped.stderr, KEY_TEXT);
    assert.match((JSON.parse(swapped.stdout) as { errors: { field: string }[] }).errors[0]!.field, /^--ca-cert$/);
  });

  it("takes the agent list from a file (--agents), as the Agents step loads it", () => {
    writeFileSync(join(dir, "agents.csv"), "host,cn\nweb-1,webservers\ndb-1,databases\n");
    const r = sensuTls(
      ["bundle", "--plan", "plan.json", "--out", "fleet.zip", "--agents", "agents.csv", "--json"],
      dir,
    );
    assert.equal(r.code, 0, r.stdout);
    const paths = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((x) => x.path);
    assert.ok(paths.includes("agents/webservers/etc/sensu/agent.yml"));
    assert.ok(paths.includes("agents/databases/etc/sensu/tls/agent.pem"));
    assert.ok(!paths.some((p) => p.startsWith("agents/agent/")));
  });

  it("draws a progress bar on stderr when it is a terminal", () => {
    const command = `"${process.execPath}" scripts/sensu-tls.cjs bundle --plan "${join(dir, "plan.json")}" --out "${join(dir, "tty.zip")}"`;
    const r = run("script", ["-qec", command, "/dev/null"], { cwd: process.cwd(), timeoutMs: 120_000 });
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /\r\[#+-*\] \d+\/\d+ /);
    assert.match(r.out, /Wrote .*tty\.zip/);
  });
});

describe("sensu-tls bundle refuses each bad input at its plan field, as the wizard does", { timeout: 240_000 }, () => {
  const longLabel = `${"a".repeat(64)}.example.com`;
  const longName = `localhost, ${Array(64).fill("abcd").join(".")}`;
  const cases: { change: (i: WizardInput) => void; field: string; message: RegExp }[] = [
    { change: (i) => (i.plan.backendCount = "eight"), field: "plan.backendCount", message: /whole number/ },
    { change: (i) => (i.ca.commonName = ""), field: "ca.commonName", message: /Enter a common name/ },
    {
      change: (i) => (i.ca.commonName = "C".repeat(65)),
      field: "ca.commonName",
      message: /65 characters; X\.509 allows 64/,
    },
    { change: (i) => (i.ca.validityYears = "-1"), field: "ca.validityYears", message: /negative/ },
    {
      change: (i) => (i.backends.rows[0]!.fqdn = "backend_1.example.com"),
      field: "backends[0].fqdn",
      message: /underscore/,
    },
    {
      change: (i) => (i.backends.rows[0]!.fqdn = "-backend-1.example.com"),
      field: "backends[0].fqdn",
      message: /hyphen/,
    },
    { change: (i) => (i.backends.rows[0]!.fqdn = longLabel), field: "backends[0].fqdn", message: /63/ },
    { change: (i) => (i.backends.rows[0]!.extraNames = longName), field: "backends[0].extraNames", message: /253/ },
    { change: (i) => (i.backends.rows[1]!.ips = "555.1.1.1"), field: "backends[1].ips", message: /555 is over 255/ },
    { change: (i) => (i.backends.rows[0]!.ips = "10.0.0"), field: "backends[0].ips", message: /four numbers/ },
    {
      change: (i) => (i.backends.rows[0]!.extraNames = "localhost, 10.0.0"),
      field: "backends[0].extraNames",
      message: /10\.0\.0/,
    },
    {
      change: (i) => (i.backends.rows[1]!.name = "backend-1"),
      field: "backends[1].name",
      message: /already used by backend-1/,
    },
    {
      change: (i) => (i.backends.rows[1]!.fqdn = "backend-1.example.com"),
      field: "backends[1].fqdn",
      message: /already used/,
    },
    { change: (i) => (i.backends.validityHours = "0"), field: "backends.validityHours", message: /at least 1/ },
    { change: (i) => (i.backends.validityHours = "-4320"), field: "backends.validityHours", message: /negative/ },
    {
      change: (i) => (i.backends.validityHours = "6 months"),
      field: "backends.validityHours",
      message: /whole number/,
    },
    {
      change: (i) => (i.backends.validityHours = "50000"),
      field: "backends.validityHours",
      message: /after the CA expires/,
    },
    {
      change: (i) => i.agents.rows.push({ id: "a2", commonName: "agent" }),
      field: "agents[1].commonName",
      message: /already named "agent"/,
    },
    {
      change: (i) => i.agents.rows.push({ id: "a2", commonName: "a".repeat(65) }),
      field: "agents[1].commonName",
      message: /64/,
    },
    { change: (i) => (i.agents.validityHours = "abc"), field: "agents.validityHours", message: /whole number/ },
  ];
  // Each case is its own plan file and process; three run at a time, then each is asserted alone.
  const inputs = cases.map((c) => loopbackInput(c.change));
  let runs: CliRun[] = [];
  before(async () => {
    runs = await inBatches(
      inputs.map((input, n) => () => {
        writePlanFile(dir, `bad-${n}.json`, input);
        return sensuTlsAsync(["bundle", "--plan", `bad-${n}.json`, "--out", `bad-${n}.zip`, "--json"], dir);
      }),
      3,
    );
  });
  for (const [n, c] of cases.entries()) {
    it(`${c.field}: ${c.message.source}`, () => {
      const r = runs[n]!;
      assert.equal(r.code, 2, r.stdout + r.stderr);
      const errors = (JSON.parse(r.stdout) as { errors: { field: string; message: string }[] }).errors;
      const here = errors.filter((e) => e.field === c.field);
      assert.equal(here.length, 1, JSON.stringify(errors));
      assert.match(here[0]!.message, c.message);
      // The very words the wizard shows at that field.
      const input = inputs[n]!;
      const state = parseWizard(input, {
        now: new Date(),
        caChecks: NO_CA_CHECKS,
        readCaPem: CA_PEM_READER,
        parseAssets: ASSETS_READER,
      });
      const wizard = planIssues(
        STEPS.flatMap((s) => state.steps[s.id].errors),
        input,
      );
      assert.ok(wizard.some((w) => w.field === c.field && w.message === here[0]!.message));
      assert.throws(() => statSync(join(dir, `bad-${n}.zip`)), "no zip written");
    });
  }

  it("prints each problem as field: message on stderr without --json", () => {
    const n = cases.findIndex((c) => c.field === "backends[1].ips");
    const text = sensuTls(["bundle", "--plan", `bad-${n}.json`, "--out", `bad-${n}.zip`], dir);
    assert.equal(text.code, 2);
    assert.equal(text.stdout, "");
    assert.ok(
      text.stderr
        .split("\n")
        .includes('backends[1].ips: "555.1.1.1" is not a valid IPv4 address (555 is over 255) and not a host name.'),
      text.stderr,
    );
  });

  it("cuts a private key pasted into the plan file out of the message", () => {
    const key = run("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]).stdout;
    assert.match(key, /^-----BEGIN PRIVATE KEY-----/);
    const plan = JSON.parse(readFileSync(writePlanFile(dir, "keyless.json", loopbackInput()), "utf8")) as {
      input: WizardInput;
    };
    plan.input.ca.existing.keyPem = key;
    writeFileSync(join(dir, "with-key.json"), JSON.stringify(plan));
    const r = sensuTls(["bundle", "--plan", "with-key.json", "--out", "k.zip"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /input\.ca\.existing\.keyPem must be one of ""/);
    assert.match(r.stderr, /\[a private key, not printed\]/);
    assert.doesNotMatch(r.stdout + r.stderr, KEY_TEXT);
  });
});

/** A self-signed certificate from openssl that expires in `days` days. */
function certificateFor(days: number): string {
  const out = join(dir, `in-${days}-days.pem`);
  const r = run("openssl", [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:P-256",
    "-nodes",
    "-keyout",
    join(dir, `in-${days}-days-key.pem`),
    "-out",
    out,
    "-days",
    String(days),
    "-subj",
    `/CN=in-${days}-days`,
  ]);
  assert.equal(r.code, 0, r.out);
  return out;
}

describe("sensu-tls inspect", { timeout: 120_000 }, () => {
  it("exits 2, 1 and 0 on certificates expiring in 3, 20 and 90 days, as the expiry checks do", () => {
    const [three, twenty, ninety] = [3, 20, 90].map(certificateFor);
    assert.equal(sensuTls(["inspect", three!], dir).code, 2);
    assert.equal(sensuTls(["inspect", twenty!], dir).code, 1);
    assert.equal(sensuTls(["inspect", ninety!], dir).code, 0);
    const all = sensuTls(["inspect", ninety!, three!, twenty!], dir);
    assert.equal(all.code, 2);
    assert.deepEqual(
      all.stdout
        .trim()
        .split("\n")
        .map((l) => l.split(/\s+/)[0] + " " + /CN=\S+/.exec(l)?.[0]),
      ["CRITICAL CN=in-3-days", "WARNING CN=in-20-days", "OK CN=in-90-days"],
    );
    assert.equal(sensuTls(["inspect", twenty!, "--warn-days", "10", "--crit-days", "5"], dir).code, 0);
  });

  it("lists a bundle's certificates once each, soonest first, leaving its keys unread", () => {
    const bundle = sensuTls(
      ["bundle", "--plan", writePlanFile(dir, "inspect-plan.json", loopbackInput()), "--out", "inspect.zip"],
      dir,
    );
    assert.equal(bundle.code, 0, bundle.stderr);
    const r = sensuTls(["inspect", "inspect.zip", "--json"], dir);
    assert.equal(r.code, 0, r.stdout);
    const report = JSON.parse(r.stdout) as {
      certificates: { subject: string; notAfter: string }[];
      keysNotRead: string[];
    };
    assert.deepEqual(report.certificates.map((c) => c.subject).sort(), [
      "CN=Sensu Agent CA",
      "CN=Sensu Test CA",
      "CN=agent",
      "CN=backend-1.example.com",
      "CN=backend-2.example.com",
      "CN=backend-3.example.com",
    ]);
    const ends = report.certificates.map((c) => Date.parse(c.notAfter));
    assert.deepEqual(
      ends,
      [...ends].sort((a, b) => a - b),
    );
    assert.ok(report.keysNotRead.includes("ca/ca-key.pem"));
    assert.doesNotMatch(r.stdout + r.stderr, KEY_TEXT);
  });

  it("names a bad threshold at its option, and a missing or certificate-less file, with exit 2", () => {
    const ninety = certificateFor(90);
    const bad = sensuTls(["inspect", ninety, "--warn-days", "5", "--crit-days", "10"], dir);
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /^--crit-days: The critical threshold \(10 days\) must be fewer days than the warning threshold \(5 days\)/,
    );
    const missing = sensuTls(["inspect", "no-such.pem"], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no-such\.pem: no such file/);
    writeFileSync(join(dir, "notes.pem"), "just text\n");
    const empty = sensuTls(["inspect", "notes.pem", ninety], dir);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /notes\.pem/);
  });
});

describe("sensu-tls check", { timeout: 120_000 }, () => {
  before(() => {
    const r = sensuTls(
      ["bundle", "--plan", writePlanFile(dir, "check-plan.json", loopbackInput()), "--out", "check.zip"],
      dir,
    );
    assert.equal(r.code, 0, r.stderr);
    unzip(join(dir, "check.zip"), "check");
  });

  it("passes every connection of a bundle, zipped or unzipped", () => {
    for (const target of ["check.zip", "check"]) {
      const r = sensuTls(["check", target], dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.doesNotMatch(r.stdout, /^FAIL/m);
      assert.match(r.stderr, /connections between 4 hosts: all pass/);
    }
  });

  it("fails on a bundle whose backend lost an IP SAN, naming the connection and the reason", () => {
    const tls = join(dir, "check", "backends", "backend-2", "etc", "sensu", "tls");
    writeFileSync(
      join(dir, "no-ip.cnf"),
      [
        "basicConstraints=critical,CA:FALSE",
        "keyUsage=critical,digitalSignature",
        "extendedKeyUsage=serverAuth,clientAuth",
        "subjectAltName=DNS:backend-2.example.com,DNS:backend-2,DNS:localhost,IP:127.0.0.1,IP:::1",
      ].join("\n"),
    );
    const csr = run("openssl", [
      "req",
      "-new",
      "-key",
      join(tls, "backend-2.example.com-key.pem"),
      "-subj",
      "/CN=backend-2.example.com",
      "-out",
      join(dir, "no-ip.csr"),
    ]);
    assert.equal(csr.code, 0, csr.out);
    const signed = run("openssl", [
      "x509",
      "-req",
      "-in",
      join(dir, "no-ip.csr"),
      "-CA",
      join(dir, "check", "ca", "ca.pem"),
      "-CAkey",
      join(dir, "check", "ca", "ca-key.pem"),
      "-set_serial",
      "0x4242",
      "-days",
      "90",
      "-extfile",
      join(dir, "no-ip.cnf"),
      "-out",
      join(tls, "backend-2.example.com.pem"),
    ]);
    assert.equal(signed.code, 0, signed.out);
    const r = sensuTls(["check", "check"], dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const failing = r.stdout.split("\n").filter((l) => l.startsWith("FAIL"));
    assert.ok(failing.length > 0);
    assert.ok(
      failing.every((l) => /backend-2/.test(l)),
      failing.join("\n"),
    );
    assert.ok(
      failing.some((l) => /127\.0\.3\.2/.test(l)),
      failing.join("\n"),
    );
    const asJson = JSON.parse(sensuTls(["check", "check", "--json"], dir).stdout) as {
      ok: boolean;
      connections: { status: string }[];
    };
    assert.equal(asJson.ok, false);
    assert.equal(asJson.connections.filter((c) => c.status === "fail").length, failing.length);
  });

  it("refuses what is not a bundle with exit 2", () => {
    const r = sensuTls(["check", "check-plan.json"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /No backends\/<name>\/etc\/sensu\/backend\.yml found/);
  });
});

describe("sensu-tls --help", () => {
  it("describes each command, and names an unknown option", async () => {
    const commands = ["bundle", "inspect", "check"];
    const [top, typo, ...helps] = await inBatches(
      [["--help"], ["bundle", "--pln", "x"], ...commands.map((c) => [c, "--help"])].map(
        (args) => () => sensuTlsAsync(args, dir),
      ),
      3,
    );
    for (const [i, command] of commands.entries()) {
      const r = helps[i]!;
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`^Usage: sensu-tls ${command} `));
      assert.match(r.stdout, /Exit status/);
    }
    assert.equal(top!.code, 0);
    assert.match(top!.stdout, /bundle +issue the certificates/);
    assert.equal(typo!.code, 2);
    assert.match(typo!.stderr, /--pln is not an option of sensu-tls bundle/);
  });
});
