import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { GUIDE_ASSET_YAML } from "../sudoers/guide-fixtures.test-helper";
import { LINUX_AMD64, PROFILE } from "../sudoers/sudoers.test-helper";
import { loadYaml } from "../sudoers/yaml-reader";
import { defaultInput, type WizardInput } from "./model";
import { assetsInUse, choiceField, parseAssets } from "./parse-assets";
import { parseSavedInput, serializeInput } from "./persist";
import { resolvePlan } from "./resolve-plan";
import { NOW } from "./test-helpers";

const withAssets = (patch: Partial<WizardInput["assets"]>): WizardInput => {
  const input = defaultInput();
  return { ...input, assets: { ...input.assets, ...patch } };
};

describe("the Dynamic runtime assets step", () => {
  it("is optional: no definitions, no errors and no sudo rules", () => {
    const input = defaultInput();
    assert.equal(assetsInUse(input), false);
    assert.deepEqual(parseAssets(input, loadYaml).errors, []);
    assert.equal(parseAssets(input, loadYaml).value.sudoers, undefined);
  });

  it("plans the guide's asset with the linux/amd64 build and a named command", () => {
    const input = withAssets({
      pasted: GUIDE_ASSET_YAML,
      choices: [{ asset: PROFILE, build: LINUX_AMD64, commands: "system-profile-linux" }],
    });
    assert.deepEqual(parseAssets(input, loadYaml).errors, []);
    const resolved = resolvePlan(input, NOW);
    assert.ok(resolved.ok);
    assert.equal(resolved.plan.sudoers?.builds[0]?.label, "linux/amd64");
  });

  it("puts each problem at its field and keeps the good documents", () => {
    const broken = `${GUIDE_ASSET_YAML}---\ntype: Asset\napi_version: core/v2\nmetadata:\n  name: short\nspec:\n  builds:\n  - url: https://example.com/a.tar.gz\n    sha512: abc\n`;
    const input = withAssets({ pasted: broken, choices: [{ asset: PROFILE, build: LINUX_AMD64, commands: "" }] });
    const { errors } = parseAssets(input, loadYaml);
    assert.ok(
      errors.some((e) => e.field === "assets.definitions" && /document 2 \("short"\).*sha512/.test(e.message)),
      JSON.stringify(errors),
    );
    assert.ok(errors.some((e) => e.field === choiceField(0) && /Name the commands/.test(e.message)));
    assert.equal(parseAssets(input, loadYaml).value.sudoers, null, "nothing half-made");
    const bad = parseAssets(
      withAssets({
        pasted: GUIDE_ASSET_YAML,
        user: "sensu ALL",
        choices: [{ asset: PROFILE, build: LINUX_AMD64, commands: "a,b" }],
      }),
      loadYaml,
    );
    assert.ok(bad.errors.some((e) => e.field === "assets.user"));
  });

  it("never writes definitions with download headers to storage, and says so after a reload", () => {
    const secret = GUIDE_ASSET_YAML.replace("spec:", "spec:\n  headers:\n    Authorization: Bearer s3cret");
    const input = withAssets({ pasted: secret });
    const text = serializeInput(input);
    assert.doesNotMatch(text, /s3cret/);
    const back = parseSavedInput(text);
    assert.equal(back?.assets.pasted, "");
    assert.equal(back?.assets.definitionsNotSaved, true);
    const plain = withAssets({ pasted: GUIDE_ASSET_YAML });
    assert.equal(parseSavedInput(serializeInput(plain))?.assets.pasted, GUIDE_ASSET_YAML);
  });
});
