import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { RULE_MODES, type SudoersInput } from "./model";
import { renderSudoers } from "./render";
import {
  chooseProfile,
  LINUX_AMD64,
  LINUX_ARM64,
  LINUX_ARMV7,
  parseSudoersBack,
  planOrThrow,
  visudoCheck,
} from "./sudoers.test-helper";

// Every file the wizard can render goes through the real visudo, as an operator would check it.

const choices = [
  chooseProfile(LINUX_AMD64, ["system-profile-linux", "helper.sh"]),
  chooseProfile(LINUX_ARM64),
  chooseProfile(LINUX_ARMV7),
];

function allCases(): { name: string; input: Partial<SudoersInput> }[] {
  const cases: { name: string; input: Partial<SudoersInput> }[] = [];
  for (const mode of RULE_MODES) {
    for (const diagnosticEcho of [false, true]) {
      for (const securePath of [false, true]) {
        cases.push({
          name: `${mode}, echo ${diagnosticEcho}, secure_path ${securePath}`,
          input: { mode, diagnosticEcho, securePath, choices },
        });
      }
    }
  }
  cases.push({ name: "all-assets without builds", input: { mode: "all-assets", choices: [] } });
  cases.push({
    name: "another user and cache",
    input: { mode: "selected-commands", user: "mon_1", cacheDir: "/srv/sensu+cache/agent", choices },
  });
  cases.push({
    name: "another root-owned directory",
    input: { rootDir: "/opt/sensu-root/bin.d", securePath: true, choices },
  });
  return cases;
}

describe("visudo -c accepts every rendered sudoers file", () => {
  it("fails on a file it should refuse (the check can fail)", () => {
    const failures = visudoCheck(["sensu ALL=(ALL) NOPASSWD: /usr/bin/a b,c\n"]);
    assert.equal(failures.length, 1);
    assert.match(failures[0]?.out ?? "", /fully-qualified|syntax error/);
  });

  const cases = allCases();
  it(`accepts all ${cases.length} combinations of mode and options, each granting what it says`, () => {
    const texts = cases.map((c) => renderSudoers(planOrThrow(c.input)).text);
    const failures = visudoCheck(texts);
    assert.deepEqual(
      failures.map((f) => `${cases[f.index]?.name}: ${f.out}`),
      [],
    );
    for (const [i, text] of texts.entries()) {
      const back = parseSudoersBack(text);
      assert.deepEqual(back.unexpected, [], cases[i]?.name);
      assert.ok(back.rules.length > 0, cases[i]?.name);
    }
  });
});
