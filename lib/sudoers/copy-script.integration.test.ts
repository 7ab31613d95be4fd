import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { requireTool, run } from "../bundle/unzipped.test-helper";
import { COPY_SCRIPT_FILE, renderCopyScript } from "./copy-script";
import { chooseProfile, LINUX_AMD64, LINUX_ARM64, LINUX_ARMV7, planOrThrow } from "./sudoers.test-helper";
import { parseAssets } from "./yaml-reader";

// The copy script is checked by bash -n and shellcheck, then run for real (as root, with a local
// archive) to show it installs a verified root-owned copy and refuses a tampered archive or a
// directory others can write.

describe("the copy script passes bash -n and shellcheck", () => {
  it("for the guide's asset with three Linux builds", () => {
    requireTool("shellcheck");
    const dir = mkdtempSync(join(tmpdir(), "sensu-copy-"));
    try {
      const file = join(dir, COPY_SCRIPT_FILE);
      writeFileSync(
        file,
        renderCopyScript(
          planOrThrow({
            choices: [chooseProfile(LINUX_AMD64), chooseProfile(LINUX_ARM64), chooseProfile(LINUX_ARMV7)],
          }),
        ) ?? "",
      );
      assert.equal(run("bash", ["-n", file]).code, 0);
      const sc = run("shellcheck", ["--shell=sh", file]);
      assert.equal(sc.code, 0, sc.out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const isRoot = process.getuid?.() === 0;

describe(
  "the copy script, run as root with a local archive",
  { skip: isRoot ? false : "needs root: it installs root-owned files" },
  () => {
    let base = "";
    let archives = "";
    let archive: Buffer;
    const script = (rootDir: string, sha512: string) => {
      const text = JSON.stringify({
        type: "Asset",
        metadata: { name: "test/tool" },
        spec: {
          builds: [
            { url: "https://example.invalid/tool_1.0_linux.tar.gz", sha512, filters: ["entity.system.os == 'linux'"] },
          ],
        },
      });
      const plan = planOrThrow(
        { rootDir, choices: [{ asset: "test/tool", build: 0, commands: ["tool"] }] },
        parseAssets(text).assets,
      );
      const file = join(base, `${COPY_SCRIPT_FILE}-${Math.random().toString(36).slice(2)}`);
      writeFileSync(file, renderCopyScript(plan) ?? "");
      return file;
    };

    before(() => {
      base = mkdtempSync(join(homedir(), "sensu-copy-"));
      chmodSync(base, 0o755);
      const src = join(base, "src");
      mkdirSync(join(src, "bin"), { recursive: true });
      writeFileSync(join(src, "bin", "tool"), "#!/bin/sh\necho tool\n", { mode: 0o777 });
      writeFileSync(join(src, "bin", "other"), "#!/bin/sh\necho other\n", { mode: 0o755 });
      archives = join(base, "archives");
      mkdirSync(archives);
      assert.equal(run("tar", ["-czf", join(archives, "tool_1.0_linux.tar.gz"), "-C", src, "./bin"]).code, 0);
      archive = readFileSync(join(archives, "tool_1.0_linux.tar.gz"));
    });
    after(() => rmSync(base, { recursive: true, force: true }));

    it("installs only the named command, root-owned 0755, with an upper-case sha512 as written", () => {
      const sha = createHash("sha512").update(archive).digest("hex").toUpperCase();
      const rootDir = join(base, "libexec");
      const r = run("sh", [script(rootDir, sha), archives]);
      assert.equal(r.code, 0, r.out);
      const installed = join(rootDir, "test", "tool", "bin", "tool");
      const st = statSync(installed);
      assert.equal(st.mode & 0o7777, 0o755);
      assert.equal(st.uid, 0);
      assert.equal(existsSync(join(rootDir, "test", "tool", "bin", "other")), false);
      assert.equal(run(installed, []).stdout, "tool\n");
    });

    it("refuses an archive whose sha512 differs from the definition", () => {
      const wrong = createHash("sha512").update("something else").digest("hex");
      const rootDir = join(base, "tampered");
      const r = run("sh", [script(rootDir, wrong), archives]);
      assert.equal(r.code, 1);
      assert.match(r.out, /failed to verify test\/tool \(linux\/any arch\)/);
      assert.equal(existsSync(join(rootDir, "test")), false);
    });

    // /tmp itself is refused at the field now, so each tree others can write is made in the scratch directory.
    it("refuses a directory that others can write", () => {
      const sha = createHash("sha512").update(archive).digest("hex");
      const open = mkdtempSync(join(base, "open-"));
      chmodSync(open, 0o1777);
      const r = run("sh", [script(join(open, "libexec"), sha), archives]);
      assert.equal(r.code, 1);
      assert.match(r.out, /failed to trust \/.*: it must be owned by root and writable by root only/);
    });

    it("refuses a group-writable parent before creating anything below it", () => {
      const sha = createHash("sha512").update(archive).digest("hex");
      const parent = join(base, "group-writable");
      mkdirSync(join(parent, "opt"), { recursive: true });
      chmodSync(parent, 0o775);
      const r = run("sh", [script(join(parent, "opt", "libexec"), sha), archives]);
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, new RegExp(`failed to trust ${parent}: it must be owned by root and writable by root only`));
      assert.equal(existsSync(join(parent, "opt", "libexec")), false);
    });

    it("refuses a symbolic link among the components, even one root owns pointing at a root-owned directory", () => {
      const sha = createHash("sha512").update(archive).digest("hex");
      const real = join(base, "real");
      mkdirSync(real, { mode: 0o755 });
      const link = join(base, "link");
      symlinkSync(real, link);
      const r = run("sh", [script(join(link, "libexec"), sha), archives]);
      assert.equal(r.code, 1, r.out);
      assert.match(
        r.out,
        new RegExp(`failed to trust ${link}: it is a symbolic link; give ROOT_DIR as a path without links`),
      );
      assert.deepEqual(readdirSync(real), []);
    });

    it("refuses a directory owned by another user", () => {
      const sha = createHash("sha512").update(archive).digest("hex");
      const owned = join(base, "owned");
      mkdirSync(owned, { mode: 0o755 });
      chownSync(owned, 65534, 65534);
      const r = run("sh", [script(join(owned, "libexec"), sha), archives]);
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, new RegExp(`failed to trust ${owned}: it must be owned by root`));
      assert.equal(existsSync(join(owned, "libexec")), false);
    });
  },
);
