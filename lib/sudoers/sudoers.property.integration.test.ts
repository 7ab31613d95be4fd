import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";

import fc from "fast-check";

import { run } from "../bundle/unzipped.test-helper";
import { renderCopyScript } from "./copy-script";
import { DEFAULT_INPUT, planSudoers, RULE_MODES, type RuleMode } from "./model";
import { BASE_SECURE_PATH, ECHO, renderSudoers } from "./render";
import { chooseProfile, guideAssets, LINUX_AMD64, parseSudoersBack, visudoCheck } from "./sudoers.test-helper";
import { parseCommandName, parseDirectory, parseSha512, parseUserName } from "./tokens";
import { parseAssets } from "./yaml-reader";

// Whatever the user types or pastes, the wizard either refuses it with a reason, or writes a file
// that visudo accepts and that grants exactly the chosen commands: no more, no other user.

const HOSTILE = [
  " ",
  "\t",
  "\n",
  "\r",
  ",",
  ":",
  "=",
  "\\",
  "#",
  "*",
  "?",
  "[",
  "]",
  "!",
  '"',
  "'",
  "(",
  ")",
  "/../",
  "//",
  "é",
  "\u0000",
  "%",
  "@",
  "$",
  "`",
  ";",
  "&",
  "|",
  "\u2028",
  "ALL",
];

/**
 * Whole values sudoers reads as its own words: keywords, tags, digests, the pseudo-commands and
 * Defaults. Spliced into another value they are harmless letters; standing alone some make visudo
 * refuse the file (a user named sudoedit or sha256, a command .../bin/sudoedit).
 */
const KEYWORDS = [
  "ALL",
  "all",
  "sudoedit",
  "list",
  "Defaults",
  "sha224",
  "sha256",
  "sha384",
  "sha512",
  "NOPASSWD",
  "SETENV",
  "NOEXEC",
  "Cmnd_Alias",
  "User_Alias",
  "include",
  "includedir",
  "root",
];

/**
 * A value from `valid` (never a keyword), or (four times in twelve) a valid value with something
 * hostile spliced in, a sudoers keyword standing alone, or any string at all.
 */
function maybeHostile(valid: fc.Arbitrary<string>): fc.Arbitrary<{ raw: string; valid: boolean }> {
  const spliced = fc.tuple(valid, fc.constantFrom(...HOSTILE), fc.nat()).map(([v, bad, at]) => {
    const i = at % (v.length + 1);
    return `${v.slice(0, i)}${bad}${v.slice(i)}`;
  });
  return fc.oneof(
    { weight: 8, arbitrary: valid.filter((v) => !KEYWORDS.includes(v)).map((raw) => ({ raw, valid: true })) },
    { weight: 1, arbitrary: spliced.map((raw) => ({ raw, valid: false })) },
    { weight: 2, arbitrary: fc.constantFrom(...KEYWORDS).map((raw) => ({ raw, valid: false })) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 24 }).map((raw) => ({ raw, valid: false })) },
  );
}

const segment = fc.stringMatching(/^[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,10}$/);
const dir = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join("/")}`);
const user = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,15}$/);
const command = fc.stringMatching(/^[A-Za-z0-9_+][A-Za-z0-9._+-]{0,15}$/);
const sha = fc.stringMatching(/^[0-9a-fA-F]{128}$/);
const assetName = fc.stringMatching(/^[a-z0-9]{1,8}(\/[a-z][a-z0-9-]{0,10})?$/);

const sample = fc.record({
  user: maybeHostile(user),
  cacheDir: maybeHostile(dir),
  rootDir: maybeHostile(dir.map((d) => `/opt${d}`)),
  sha512: maybeHostile(sha),
  name: maybeHostile(assetName),
  commands: fc.array(maybeHostile(command), { minLength: 1, maxLength: 3 }),
  mode: fc.constantFrom<RuleMode>(...RULE_MODES),
  diagnosticEcho: fc.boolean(),
  securePath: fc.boolean(),
});
type Sample = typeof sample extends fc.Arbitrary<infer T> ? T : never;

function expectedCommands(s: Sample): Set<string> {
  const cache = s.cacheDir.raw;
  const bin = `${cache}/${s.sha512.raw}/bin`;
  const byMode: Record<RuleMode, string[]> = {
    "all-assets": [`${cache}/**/bin/*`, `${cache}/**/bin/*.*`],
    "selected-builds": [`${bin}/*.*`, `${bin}/*`],
    "selected-commands": s.commands.map((c) => `${bin}/${c.raw}`),
    "root-owned": s.commands.map((c) => `${s.rootDir.raw}/${s.name.raw}/bin/${c.raw}`),
  };
  return new Set([...byMode[s.mode], ...(s.diagnosticEcho ? [ECHO] : [])]);
}

describe("hostile input never widens a rendered rule", () => {
  it("token parsers accept only values made of sudoers-neutral characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (raw) => {
        const user = parseUserName(raw);
        if (user.ok) assert.match(user.value, /^[a-z_][a-z0-9_-]*$/);
        else assert.ok(user.message.length > 0);
        const cmd = parseCommandName(raw);
        if (cmd.ok) assert.match(cmd.value, /^[A-Za-z0-9_+][A-Za-z0-9._+-]*$/);
        const path = parseDirectory(raw, "The directory");
        if (path.ok) assert.ok(/^(\/[A-Za-z0-9._+-]+)+$/.test(path.value) && !/\/\.\.?(\/|$)/.test(path.value));
        assert.equal(parseSha512(raw).ok, /^[0-9a-fA-F]{128}$/.test(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses with a reason, or renders a file visudo accepts that grants exactly the chosen commands", () => {
    const rendered: string[] = [];
    const scripts: string[] = [];
    let refused = 0;
    fc.assert(
      fc.property(sample, (s) => {
        const definition = {
          type: "Asset",
          api_version: "core/v2",
          metadata: { name: s.name.raw },
          spec: {
            builds: [
              {
                url: "https://example.com/a.tar.gz",
                sha512: s.sha512.raw,
                filters: ["entity.system.os == 'linux'", "entity.system.arch == 'amd64'"],
              },
            ],
          },
        };
        const parsed = parseAssets(JSON.stringify(definition));
        const allValid =
          [s.user, s.cacheDir, s.rootDir, s.sha512, s.name, ...s.commands].every((v) => v.valid) &&
          new Set(s.commands.map((c) => c.raw)).size === s.commands.length;
        const input = {
          user: s.user.raw,
          cacheDir: s.cacheDir.raw,
          rootDir: s.rootDir.raw,
          mode: s.mode,
          diagnosticEcho: s.diagnosticEcho,
          securePath: s.securePath,
          choices:
            parsed.assets.length > 0 ? [{ asset: s.name.raw, build: 0, commands: s.commands.map((c) => c.raw) }] : [],
        };
        const plan = planSudoers(input, parsed.assets);
        if (!plan.ok || parsed.problems.length > 0) {
          refused += 1;
          const messages = [
            ...parsed.problems.map((p) => p.message),
            ...(plan.ok ? [] : plan.issues.map((i) => i.message)),
          ];
          assert.ok(messages.length > 0 && messages.every((m) => m.length > 10), "a refusal carries a reason");
          assert.ok(
            !allValid || (!plan.ok && plan.issues.some((i) => i.field === "securePath")),
            `valid input refused: ${messages.join(" | ")}`,
          );
          return;
        }
        const { text } = renderSudoers(plan.value);
        const back = parseSudoersBack(text);
        assert.deepEqual(back.unexpected, []);
        assert.ok(back.rules.every((r) => r.user === s.user.raw && r.commands.length === 1));
        const setenv = s.mode !== "root-owned";
        assert.ok(back.rules.every((r) => r.tags.includes("SETENV") === setenv && r.tags.includes("NOPASSWD")));
        assert.deepEqual(new Set(back.rules.flatMap((r) => r.commands)), expectedCommands(s));
        assert.equal(back.defaults.length, s.securePath ? 1 : 0);
        if (s.securePath) {
          const dirs =
            s.mode === "root-owned" ? `${s.rootDir.raw}/${s.name.raw}/bin` : `${s.cacheDir.raw}/${s.sha512.raw}/bin`;
          assert.equal(back.defaults[0], `Defaults:${s.user.raw} secure_path = ${BASE_SECURE_PATH}:${dirs}`);
        }
        rendered.push(text);
        const script = renderCopyScript(plan.value);
        if (script) scripts.push(script);
      }),
      { numRuns: 200 },
    );
    assert.ok(
      rendered.length >= 20,
      `only ${rendered.length} of 200 samples were valid: the generators need more valid values`,
    );
    assert.ok(refused >= 20, `only ${refused} of 200 samples were refused: the generators need more hostile values`);
    const failures = visudoCheck(rendered);
    assert.deepEqual(
      failures.map((f) => `${f.out}\n${rendered[f.index]}`),
      [],
    );
    const dir = mkdtempSync(join(tmpdir(), "sensu-copy-"));
    try {
      const files = scripts.map((script, i) => {
        const file = join(dir, `copy-${i}.sh`);
        writeFileSync(file, script);
        return file;
      });
      for (const file of files) assert.equal(run("bash", ["-n", file]).code, 0, file);
      if (files.length > 0) {
        const sc = run("shellcheck", files);
        assert.equal(sc.code, 0, sc.out);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses every sudoers keyword where visudo would, and renders one visudo accepts wherever else it stands", () => {
    const rendered: string[] = [];
    for (const word of KEYWORDS) {
      for (const input of [
        { user: word, choices: [chooseProfile(LINUX_AMD64)] },
        { choices: [chooseProfile(LINUX_AMD64, [word])] },
        { rootDir: `/opt/${word}`, securePath: true, choices: [chooseProfile(LINUX_AMD64)] },
        { mode: "selected-commands" as const, cacheDir: `/var/${word}`, choices: [chooseProfile(LINUX_AMD64, [word])] },
      ]) {
        const plan = planSudoers({ ...DEFAULT_INPUT, ...input }, guideAssets());
        if (plan.ok) rendered.push(renderSudoers(plan.value).text);
        else assert.ok(plan.issues.every((i) => i.message.length > 10));
      }
    }
    assert.ok(rendered.length > KEYWORDS.length, `only ${rendered.length} keyword plans rendered`);
    const failures = visudoCheck(rendered);
    assert.deepEqual(
      failures.map((f) => `${f.out}\n${rendered[f.index]}`),
      [],
    );
  });
});
