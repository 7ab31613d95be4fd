import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { unzipSync } from "fflate";

import { summarize } from "../pki/inspect";
import { nodeCrypto } from "../pki/node-crypto";
import { X509Certificate } from "../pki/x509";
import type { WizardInput } from "../wizard/model";
import { NOW } from "../wizard/test-helpers";
import type { Bundle } from "./bundle";
import { generateBundle } from "./generate";
import type { Progress } from "./issue-all";
import { plannedEntries } from "./planned";
import { guidePlan } from "./test-plan.test-helper";
import { zipFiles } from "./zip";

let crypto: Crypto;
let separate: Bundle;
let single: Bundle;
const progress: Progress[] = [];
const separatePlan = guidePlan();
const singlePlan = guidePlan((i) => ({ ...i, plan: { ...i.plan, caLayout: "single" } }));

before(async () => {
  crypto = await nodeCrypto();
  separate = await generateBundle(crypto, NOW, separatePlan, (p) => progress.push(p));
  single = await generateBundle(crypto, NOW, singlePlan);
});

const paths = (b: Bundle) => b.entries.map((e) => e.path);
const content = (b: Bundle, path: string) => {
  const e = b.entries.find((x) => x.path === path);
  assert.ok(e, `${path} is in the bundle`);
  return e.content;
};

describe("the bundle layout", () => {
  it("has a folder per host with cfssljson's file names, and a separate ca/ folder", () => {
    assert.deepEqual(paths(separate), [
      "README.md",
      "sensu-tls-plan.json",
      "ca/ca.pem",
      "ca/ca-key.pem",
      "ca/ca.csr",
      "ca/ca-config.json",
      "ca/agent-ca.pem",
      "ca/agent-ca-key.pem",
      "ca/agent-ca.csr",
      "ca/backend-1.example.com.csr",
      "ca/backend-2.example.com.csr",
      "ca/backend-3.example.com.csr",
      "ca/agent.csr",
      ...[1, 2, 3].flatMap((n) => [
        `backends/backend-${n}/install.sh`,
        `backends/backend-${n}/etc/sensu/tls/ca.pem`,
        `backends/backend-${n}/etc/sensu/tls/agent-ca.pem`,
        `backends/backend-${n}/etc/sensu/tls/backend-${n}.example.com.pem`,
        `backends/backend-${n}/etc/sensu/tls/backend-${n}.example.com-key.pem`,
        `backends/backend-${n}/etc/sensu/backend.yml`,
      ]),
      "agents/agent/install.sh",
      "agents/agent/etc/sensu/tls/ca.pem",
      "agents/agent/etc/sensu/tls/agent.pem",
      "agents/agent/etc/sensu/tls/agent-key.pem",
      "agents/agent/etc/sensu/agent.yml",
      "agents/index.csv",
      "monitoring/expiry-checks.yaml",
      "monitoring/expiry-checks.json",
      "RENEWAL.md",
    ]);
  });

  it("never puts a CA key in a host folder", () => {
    for (const b of [separate, single]) {
      const caKeys = b.entries.filter((e) => e.kind === "ca-private-key");
      assert.ok(caKeys.length >= 1);
      for (const e of caKeys) assert.match(e.path, /^ca\//);
      const caKeyTexts = new Set(caKeys.map((e) => e.content));
      for (const e of b.entries.filter((x) => !x.path.startsWith("ca/")))
        assert.ok(!caKeyTexts.has(e.content), `${e.path} is not a CA key`);
    }
  });

  it("records 0600 for private keys, 0755 for install scripts and 0644 for everything else", () => {
    for (const e of separate.entries) {
      const isKey = e.content.includes("PRIVATE KEY");
      assert.equal(e.mode, isKey ? 0o600 : e.path.endsWith("install.sh") ? 0o755 : 0o644, e.path);
    }
  });

  it("puts each host file at its install path inside the host folder, certificates under the TLS directory", () => {
    // Operator files (monitoring/, RENEWAL.md) are used from a workstation, never installed on a host.
    for (const e of separate.entries.filter(
      (x) => x.host !== "offline" && x.host !== "operator" && !x.path.endsWith("install.sh"),
    )) {
      assert.ok(e.installTo && e.path.endsWith(e.installTo), e.path);
      if (e.kind === "certificate" || e.kind === "private-key")
        assert.equal(e.installTo, `/etc/sensu/tls/${e.path.split("/").pop()}`);
    }
  });

  it("follows a custom TLS directory, and adds the web UI certificate and CN-bound users when chosen", async () => {
    const plan = guidePlan((i) => ({
      ...i,
      plan: { ...i.plan, tlsDir: "/opt/sensu/ssl" },
      api: { ...i.api, dashboard: "issue" },
      mtls: { enabled: true, bindUsers: true },
    }));
    const b = await generateBundle(crypto, NOW, plan);
    assert.ok(paths(b).includes("backends/backend-1/opt/sensu/ssl/dashboard.pem"));
    assert.ok(paths(b).includes("backends/backend-1/opt/sensu/ssl/backend-1.example.com-key.pem"));
    const web = summarize(new X509Certificate(content(b, "backends/backend-2/opt/sensu/ssl/dashboard.pem")));
    assert.deepEqual(web.dnsNames, ["sensu.example.com"]);
    const users = b.entries.find((e) => e.path === "operator/agent-users.yml");
    assert.equal(users?.mode, 0o600);
    assert.match(users?.content ?? "", /username: "agent"\n {2}password: "[A-Za-z0-9_-]{43}"/);
  });

  it("in the single layout, has no agent CA and agents chain to ca.pem", () => {
    assert.ok(!paths(single).some((p) => p.includes("agent-ca")));
    const agent = new X509Certificate(content(single, "agents/agent/etc/sensu/tls/agent.pem"));
    assert.equal(agent.issuer, "CN=Sensu Test CA");
  });

  it("signs agents with the agent CA in the separate layout", async () => {
    const agent = new X509Certificate(content(separate, "agents/agent/etc/sensu/tls/agent.pem"));
    const agentCa = new X509Certificate(content(separate, "ca/agent-ca.pem"));
    const ca = new X509Certificate(content(separate, "ca/ca.pem"));
    assert.equal(agent.issuer, "CN=Sensu Agent CA");
    assert.ok(await agent.verify({ publicKey: agentCa.publicKey, signatureOnly: true }, crypto));
    assert.equal(await agent.verify({ publicKey: ca.publicKey, signatureOnly: true }, crypto), false);
  });

  it("matches the planned file tree shown before generation", () => {
    assert.deepEqual(
      plannedEntries(separatePlan).map((e) => [e.path, e.mode, e.purpose]),
      separate.entries.map((e) => [e.path, e.mode, e.purpose]),
    );
  });
});

describe("the certificates in the bundle", () => {
  it("name each backend's every address, CN included", () => {
    const s = summarize(
      new X509Certificate(content(separate, "backends/backend-2/etc/sensu/tls/backend-2.example.com.pem")),
    );
    assert.deepEqual(s.dnsNames, ["backend-2.example.com", "backend-2", "localhost"]);
    assert.deepEqual(s.ipAddresses, ["10.0.0.2", "127.0.0.1", "::1"]);
  });

  it("list expiries soonest first, each certificate once", () => {
    assert.deepEqual(
      separate.expiries.map((e) => e.path),
      [
        "ca/ca.pem",
        "ca/agent-ca.pem",
        "backends/backend-1/etc/sensu/tls/backend-1.example.com.pem",
        "backends/backend-2/etc/sensu/tls/backend-2.example.com.pem",
        "backends/backend-3/etc/sensu/tls/backend-3.example.com.pem",
        "agents/agent/etc/sensu/tls/agent.pem",
      ].sort((a, b) => (a.startsWith("ca/") === b.startsWith("ca/") ? 0 : a.startsWith("ca/") ? 1 : -1)),
    );
  });

  it("list every agent in agents/index.csv with the serial, expiry and fingerprint of its certificate", async () => {
    const cert = new X509Certificate(content(separate, "agents/agent/etc/sensu/tls/agent.pem"));
    const fingerprint = Buffer.from(await cert.getThumbprint("SHA-256", crypto)).toString("hex");
    const [header, row, end] = content(separate, "agents/index.csv").split("\r\n");
    assert.equal(header, "cn,serial,not_after,sha256_fingerprint,folder");
    const [cn, serial, notAfter, sha256, folder] = (row ?? "").split(",");
    assert.deepEqual(
      [cn, serial, notAfter, folder],
      ["agent", cert.serialNumber, cert.notAfter.toISOString(), "agents/agent/"],
    );
    assert.equal(sha256?.replace(/:/g, "").toLowerCase(), fingerprint);
    assert.equal(end, "", "one row per agent, CRLF-terminated");
  });
});

describe("the README and ca-config.json", () => {
  it("the README names every file, the offline warning and the install steps", () => {
    const readme = content(separate, "README.md");
    for (const p of paths(separate)) assert.ok(readme.includes(p), `README lists ${p}`);
    assert.match(readme, /KEEP OFFLINE/);
    assert.match(readme, /sudo bash install\.sh/);
    assert.match(readme, /keys 0400, certificates 0644/);
    assert.match(readme, /sensuctl cluster health/);
    assert.match(readme, /commercial feature/);
    assert.match(
      readme,
      /sensuctl configure --url https:\/\/backend-1\.example\.com:8080 --trusted-ca-file \/etc\/sensu\/tls\/ca\.pem/,
    );
    assert.match(readme, /security add-trusted-cert/);
    assert.match(readme, /Import-Certificate/);
  });

  it("ca-config.json carries the guide's profiles with the chosen expiry", () => {
    const config = JSON.parse(content(separate, "ca/ca-config.json"));
    assert.deepEqual(config.signing.profiles.backend, {
      usages: ["signing", "key encipherment", "server auth", "client auth"],
      expiry: "4320h",
    });
    assert.deepEqual(config.signing.profiles.agent, {
      usages: ["signing", "key encipherment", "client auth"],
      expiry: "4320h",
    });
    assert.equal(config.signing.default.expiry, "17520h");
  });
});

describe("the zip", () => {
  it("holds exactly the manifest's files and contents", () => {
    const files = unzipSync(separate.zip);
    assert.deepEqual(Object.keys(files).sort(), paths(separate).sort());
    for (const e of separate.entries) assert.equal(new TextDecoder().decode(files[e.path]), e.content, e.path);
  });
});

describe("zipFiles", () => {
  it("writes every copy of a text many folders share whole, stored (PEM) or deflated", () => {
    const text = Array.from(crypto.getRandomValues(new Uint8Array(3000)), (b) => b.toString(16)).join("");
    const pem = `-----BEGIN CERTIFICATE-----\n${btoa(text).slice(0, 64)}\n-----END CERTIFICATE-----\n`;
    const files = Array.from({ length: 200 }, (_, i) => ({
      path: `agents/a${i}/${i % 2 ? "agent.pem" : "install.sh"}`,
      mode: 0o644,
      content: i % 2 ? pem : text,
    }));
    const back = unzipSync(zipFiles(files, NOW));
    assert.equal(Object.keys(back).length, 200);
    for (const f of files) assert.equal(new TextDecoder().decode(back[f.path]), f.content, f.path);
  });

  it("refuses two paths that differ only in case", () => {
    assert.throws(
      () =>
        zipFiles(
          [
            { path: "a/ca.pem", mode: 0o644, content: "" },
            { path: "a/CA.pem", mode: 0o644, content: "" },
          ],
          NOW,
        ),
      /twice/,
    );
  });
});

describe("progress", () => {
  it("counts up to the total, one step per key pair, ending with Done", () => {
    const total = progress[0]?.total;
    assert.equal(total, 2 + 3 + 1 + 1);
    assert.deepEqual(
      progress.map((p) => p.done),
      [0, 1, 2, 3, 4, 5, 6, 7],
    );
    assert.equal(progress.at(-1)?.label, "Done");
  });
});

describe("the plan file in the bundle", () => {
  it("restores every input but the keys, with the CA fingerprints openssl prints", async () => {
    const { parsePlanFile } = await import("../wizard/plan-file");
    const parsed = parsePlanFile(content(separate, "sensu-tls-plan.json"));
    assert.ok(parsed.ok, parsed.ok ? "" : parsed.message);
    assert.deepEqual(parsed.value.input.backends, (separatePlan.savedInput as WizardInput).backends);
    assert.match(parsed.value.caFingerprints.ca, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.ok(parsed.value.caFingerprints.agentCa);
    assert.doesNotMatch(content(separate, "sensu-tls-plan.json"), /PRIVATE KEY/);
  });
});

describe("sudo rules in the bundle", () => {
  it("adds sudo/ with the sudoers file at 0440, the copy script and the checks when assets are planned", async () => {
    const { GUIDE_ASSET_YAML } = await import("../sudoers/guide-fixtures.test-helper");
    const { LINUX_AMD64, PROFILE } = await import("../sudoers/sudoers.test-helper");
    const plan = guidePlan((i) => ({
      ...i,
      assets: {
        ...i.assets,
        pasted: GUIDE_ASSET_YAML,
        choices: [{ asset: PROFILE, build: LINUX_AMD64, commands: "system-profile-linux" }],
      },
    }));
    const b = await generateBundle(crypto, NOW, plan);
    const sudo = b.entries.filter((e) => e.path.startsWith("sudo/"));
    assert.deepEqual(
      sudo.map((e) => [e.path, e.mode.toString(8)]),
      [
        ["sudo/sudoers.d/sensu-assets", "440"],
        ["sudo/install-sensu-asset-commands.sh", "755"],
        ["sudo/checks/sudo-checks.yaml", "644"],
        ["sudo/checks/sudo-checks.json", "644"],
      ],
    );
    assert.match(
      content(b, "sudo/sudoers.d/sensu-assets"),
      /^sensu\s+ALL=\(root\)\s+NOPASSWD: \/usr\/local\/libexec\/sensu\/sensu\/system-profile-linux\/bin\/system-profile-linux$/m,
    );
    const readme = content(b, "README.md");
    assert.match(readme, /sudo visudo -c -f sudoers\.d\/sensu-assets/);
    for (const e of sudo) assert.ok(readme.includes(e.path), `README lists ${e.path}`);
    assert.ok(!paths(separate).some((p) => p.startsWith("sudo/")), "no sudo/ folder without assets");
  });
});

describe("expiry checks and the renewal runbook in the bundle", () => {
  it("adds monitoring/ with the checks at the plan's thresholds, YAML and JSON alike, 0644 for the operator", async () => {
    const plan = guidePlan((i) => ({ ...i, renew: { warningDays: "45", criticalDays: "10" } }));
    const b = await generateBundle(crypto, NOW, plan);
    const monitoring = b.entries.filter((e) => e.path.startsWith("monitoring/") || e.path === "RENEWAL.md");
    assert.deepEqual(
      monitoring.map((e) => [e.path, e.mode.toString(8), e.host]),
      [
        ["monitoring/expiry-checks.yaml", "644", "operator"],
        ["monitoring/expiry-checks.json", "644", "operator"],
        ["RENEWAL.md", "644", "operator"],
      ],
    );
    const { loadAll } = await import("js-yaml");
    const yaml = loadAll(content(b, "monitoring/expiry-checks.yaml")) as {
      metadata: { name: string };
      spec: { command: string; subscriptions: string[] };
    }[];
    const json = content(b, "monitoring/expiry-checks.json")
      .trim()
      .split(/\n(?=\{)/)
      .map((t) => JSON.parse(t));
    assert.deepEqual(json, yaml);
    assert.deepEqual(
      yaml.map((c) => c.metadata.name),
      [
        "cert-expiry-ca",
        "cert-expiry-agent-ca",
        "cert-expiry-backend-1.example.com",
        "cert-expiry-backend-2.example.com",
        "cert-expiry-backend-3.example.com",
        "cert-expiry-agent",
      ],
    );
    for (const c of yaml)
      assert.match(c.spec.command, /-checkend 864000 .*within 10 days.*-checkend 3888000 .*within 45 days/);
    assert.deepEqual(yaml[5]?.spec.subscriptions, ["agent-cert"]);
    assert.match(
      b.entries.find((e) => e.path === "monitoring/expiry-checks.yaml")?.purpose ?? "",
      /WARNING 45 days, CRITICAL 10 days/,
    );
  });

  it("checks the web UI certificate too when it is issued here, on every backend", async () => {
    const b = await generateBundle(
      crypto,
      NOW,
      guidePlan((i) => ({ ...i, api: { ...i.api, dashboard: "issue" } })),
    );
    const { loadAll } = await import("js-yaml");
    const checks = loadAll(content(b, "monitoring/expiry-checks.yaml")) as {
      metadata: { name: string };
      spec: { subscriptions: string[] };
    }[];
    const web = checks.find((c) => c.metadata.name === "cert-expiry-dashboard");
    assert.deepEqual(web?.spec.subscriptions, ["entity:backend-1", "entity:backend-2", "entity:backend-3"]);
  });

  it("writes RENEWAL.md: same names, backends one at a time with cluster health between, agents after", () => {
    const runbook = content(separate, "RENEWAL.md");
    assert.match(runbook, /^# Renewing the certificates\n/);
    assert.match(runbook, /load your plan file on the Plan step and your CA on Create a CA/);
    assert.match(runbook, /Expired agent certificates fail silently/);
    assert.match(runbook, /Expired backend certificates take etcd down/);
    const order = [
      "## Backend 1 of 3: backend-1",
      "## Backend 2 of 3: backend-2",
      "## Backend 3 of 3: backend-3",
      '## Agents using "agent", after every backend',
    ].map((h) => runbook.indexOf(h));
    assert.ok(
      order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0))),
      `sections in order: ${order}`,
    );
    assert.equal(
      runbook.match(
        /sudo systemctl restart sensu-backend\nopenssl x509 -noout -enddate -in \/etc\/sensu\/tls\/backend-\d\.example\.com\.pem\nsensuctl cluster health/g,
      )?.length,
      3,
    );
    assert.doesNotMatch(runbook, /PRIVATE KEY/);
  });

  it("the README explains the checks' subscriptions and points to RENEWAL.md", () => {
    const readme = content(separate, "README.md");
    assert.match(readme, /sensuctl create -f monitoring\/expiry-checks\.yaml/);
    assert.match(readme, /`openssl x509 -noout -enddate` check always exits 0/);
    assert.match(readme, /- `sensu-backend` \(cert-expiry-ca, cert-expiry-agent-ca\): Add "sensu-backend"/);
    assert.match(readme, /- `entity:backend-2` \(cert-expiry-backend-2\.example\.com\): .*entity name "backend-2"/);
    assert.match(readme, /- `agent-cert` \(cert-expiry-agent\): Add "agent-cert"/);
    assert.match(readme, /follow RENEWAL\.md/);
  });
});
