import assert from "node:assert/strict";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { load } from "js-yaml";

import { nodeCrypto } from "../pki/node-crypto";
import { NOW } from "../wizard/test-helpers";
import type { Bundle } from "./bundle";
import { generateBundle } from "./generate";
import { guidePlan } from "./test-plan.test-helper";
import { requireTool, run, unzipBundle } from "./unzipped.test-helper";

let bundle: Bundle;
let files: string;
let cleanup: () => void;
const scratch: string[] = [];

before(async () => {
  requireTool("shellcheck");
  bundle = await generateBundle(await nodeCrypto(), NOW, guidePlan());
  const unzipped = unzipBundle(bundle);
  files = join(unzipped.dir, "files");
  cleanup = unzipped.cleanup;
});
after(() => {
  cleanup();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function scratchRoot(existingConfig?: { path: string; text: string }): string {
  const root = mkdtempSync(join(tmpdir(), "sensu-root-"));
  scratch.push(root);
  if (existingConfig) {
    mkdirSync(join(root, "etc/sensu"), { recursive: true });
    writeFileSync(join(root, existingConfig.path), existingConfig.text);
  }
  return root;
}

const install = (host: string, root: string) =>
  run("bash", [join(files, host, "install.sh")], { env: { SENSU_INSTALL_ROOT: root }, timeoutMs: 20_000 });

const USER_SETTINGS = `# my settings
state-dir: "/var/lib/sensu/sensu-backend"
log-level: debug
cert-file: /old/cert.pem
Key-File: /old/key.pem
etcd-listen-client-urls:
  - http://127.0.0.1:2379
  - http://10.0.0.1:2379
event-log-file: /var/log/sensu/events.log
labels:
  region: eu
`;

describe("install.sh", () => {
  it("passes bash -n and shellcheck on every host", () => {
    const scripts = bundle.entries.filter((e) => e.path.endsWith("install.sh")).map((e) => join(files, e.path));
    assert.equal(scripts.length, 4);
    for (const script of scripts) {
      assert.equal(run("bash", ["-n", script]).code, 0, script);
      const lint = run("shellcheck", ["--severity=style", script]);
      assert.equal(lint.code, 0, lint.out);
    }
  });

  it("merges the TLS keys into an existing backend.yml and keeps the user's settings", () => {
    const root = scratchRoot({ path: "etc/sensu/backend.yml", text: USER_SETTINGS });
    const r = install("backends/backend-1", root);
    assert.equal(r.code, 0, r.out);
    const merged = readFileSync(join(root, "etc/sensu/backend.yml"), "utf8");
    const parsed = load(merged) as Record<string, unknown>; // js-yaml throws on a duplicate key
    assert.equal(parsed["state-dir"], "/var/lib/sensu/sensu-backend");
    assert.equal(parsed["log-level"], "debug");
    assert.equal(parsed["event-log-file"], "/var/log/sensu/events.log");
    assert.deepEqual(parsed.labels, { region: "eu" });
    assert.equal(parsed["cert-file"], "/etc/sensu/tls/backend-1.example.com.pem");
    assert.equal("Key-File" in parsed, false, "a differently-cased managed key is replaced too");
    assert.deepEqual(parsed["etcd-listen-client-urls"], ["https://10.0.0.1:2379"]);
    assert.doesNotMatch(merged, /http:\/\//);
    const backups = readdirSync(join(root, "etc/sensu")).filter((f) => f.startsWith("backend.yml.bak."));
    assert.equal(backups.length, 1);
    assert.equal(readFileSync(join(root, "etc/sensu", backups[0]!), "utf8"), USER_SETTINGS);
    assert.match(
      r.out,
      /install on every member \(backend-1, backend-2, backend-3\), then start sensu-backend on all of them within a minute/,
      "a new cluster starts together",
    );
    assert.match(r.out, /sensuctl cluster health/);
  });

  it("installs keys 0400 and certificates 0644, and a second run leaves one copy of the settings", () => {
    const root = scratchRoot({ path: "etc/sensu/backend.yml", text: USER_SETTINGS });
    assert.equal(install("backends/backend-2", root).code, 0);
    const mode = (p: string) => (statSync(join(root, p)).mode & 0o777).toString(8);
    assert.equal(mode("etc/sensu/tls/backend-2.example.com-key.pem"), "400");
    assert.equal(mode("etc/sensu/tls/backend-2.example.com.pem"), "644");
    assert.equal(mode("etc/sensu/tls/ca.pem"), "644");
    assert.equal(existsSync(join(root, "etc/sensu/tls/ca-key.pem")), false, "no CA key on a host");
    const once = readFileSync(join(root, "etc/sensu/backend.yml"), "utf8");
    const again = install("backends/backend-2", root);
    assert.equal(again.code, 0, again.out);
    assert.equal(readFileSync(join(root, "etc/sensu/backend.yml"), "utf8"), once);
    assert.match(again.out, /Unchanged \/etc\/sensu\/tls\/ca\.pem/);
  });

  it("writes agent.yml where none exists", () => {
    const root = scratchRoot();
    const r = install("agents/agent", root);
    assert.equal(r.code, 0, r.out);
    const parsed = load(readFileSync(join(root, "etc/sensu/agent.yml"), "utf8")) as Record<string, unknown>;
    assert.equal((parsed["backend-url"] as string[]).length, 3);
    assert.equal(parsed["key-file"], "/etc/sensu/tls/agent-key.pem");
  });

  it("keeps every unrelated setting of Sensu's own example file: a leading ---, blank lines and comments inside lists, CRLF", () => {
    const sensuExample = [
      "---",
      "# Sensu backend configuration",
      'state-dir: "/var/lib/sensu/sensu-backend"',
      "etcd-listen-client-urls:",
      "  - http://127.0.0.1:2379",
      "",
      "  # the second listener",
      "  - http://10.0.0.1:2379",
      "",
      "# logging",
      'log-level: "warn"',
      "debug: false",
      "",
    ].join("\r\n");
    const root = scratchRoot({ path: "etc/sensu/backend.yml", text: sensuExample });
    chmodSync(join(root, "etc/sensu/backend.yml"), 0o600);
    const r = install("backends/backend-1", root);
    assert.equal(r.code, 0, r.out);
    const merged = readFileSync(join(root, "etc/sensu/backend.yml"), "utf8");
    const parsed = load(merged) as Record<string, unknown>;
    const before = load(sensuExample) as Record<string, unknown>;
    for (const [key, value] of Object.entries(before))
      if (key !== "etcd-listen-client-urls") assert.deepEqual(parsed[key], value, key);
    assert.deepEqual(parsed["etcd-listen-client-urls"], ["https://10.0.0.1:2379"]);
    assert.match(merged, /# logging\nlog-level: "warn"/, "a comment above the next setting stays with it");
    assert.equal(
      (statSync(join(root, "etc/sensu/backend.yml")).mode & 0o777).toString(8),
      "600",
      "the file keeps its mode",
    );
  });

  it("restarts a running cluster one member at a time", async () => {
    const running = await generateBundle(
      await nodeCrypto(),
      NOW,
      guidePlan((i) => ({ ...i, etcd: { ...i.etcd, clusterState: "existing" } })),
    );
    const script = running.entries.find((e) => e.path === "backends/backend-2/install.sh")?.content ?? "";
    assert.match(script, /member 2 of 3/);
    assert.match(script, /one at a time, in this order: backend-1, backend-2, backend-3/);
    assert.doesNotMatch(script, /within a minute/);
  });

  it("writes a new config 0640, and leaves an unchanged one (and its backups) alone", () => {
    const root = scratchRoot();
    assert.equal(install("backends/backend-3", root).code, 0);
    assert.equal((statSync(join(root, "etc/sensu/backend.yml")).mode & 0o777).toString(8), "640");
    const again = install("backends/backend-3", root);
    assert.match(again.out, /Unchanged \/etc\/sensu\/backend\.yml/);
    assert.deepEqual(
      readdirSync(join(root, "etc/sensu")).filter((f) => f.includes(".bak.")),
      [],
    );
  });

  it("checks the structure line by line where python3-yaml is missing", () => {
    const root = scratchRoot({ path: "etc/sensu/backend.yml", text: USER_SETTINGS });
    const bin = scratchRoot();
    writeFileSync(join(bin, "python3"), "#!/bin/sh\nexit 1\n", { mode: 0o755 }); // a python3 without the yaml module
    const r = run("bash", [join(files, "backends/backend-3/install.sh")], {
      env: { SENSU_INSTALL_ROOT: root, PATH: `${bin}:${process.env.PATH}` },
    });
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /python3-yaml not found: checked the structure line by line/);
    assert.equal(
      (load(readFileSync(join(root, "etc/sensu/backend.yml"), "utf8")) as Record<string, unknown>)["log-level"],
      "debug",
    );
  });

  it("stops before touching anything when it cannot merge, and says so", () => {
    const flow = "{log-level: debug, cert-file: /old.pem}\n";
    const root = scratchRoot({ path: "etc/sensu/backend.yml", text: flow });
    const r = install("backends/backend-1", root);
    assert.notEqual(r.code, 0);
    assert.match(r.out, /cannot merge into \/etc\/sensu\/backend\.yml automatically .*Nothing was changed/);
    assert.equal(readFileSync(join(root, "etc/sensu/backend.yml"), "utf8"), flow);
    assert.equal(existsSync(join(root, "etc/sensu/tls")), false);
  });

  it("refuses to run as a normal user without a scratch root", () => {
    if (process.getuid?.() !== 0) {
      const r = run("bash", [join(files, "backends/backend-1/install.sh")]);
      assert.notEqual(r.code, 0);
      assert.match(r.out, /run as root/);
      return;
    }
    // The unzipped tree is private to root; nobody gets a readable copy of the script.
    const dir = scratchRoot();
    chmodSync(dir, 0o755);
    copyFileSync(join(files, "backends/backend-1/install.sh"), join(dir, "install.sh"));
    chmodSync(join(dir, "install.sh"), 0o644);
    const r = run("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "bash", join(dir, "install.sh")]);
    assert.notEqual(r.code, 0);
    assert.match(r.out, /run as root/);
  });
});
