import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { load } from "js-yaml";

import { assetDefinition } from "./asset-definition";
import type { Asset } from "./asset-parse";
import { GUIDE_ASSET_JSON, GUIDE_ASSET_YAML } from "./guide-fixtures.test-helper";
import { toJsonDocuments, toYamlDocuments } from "./serialize";
import { parseAssetFiles, parseAssets } from "./yaml-reader";

const SHA = "a".repeat(128);
const asset = (name: string, spec: string) =>
  `---\ntype: Asset\napi_version: core/v2\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const withoutSource = (a: Asset) => ({ ...a, source: "" });

describe("parseAssets on the guide's definition", () => {
  it("reads all six builds of sensu/system-profile-linux from the YAML, sha512 and filters as written", () => {
    const { assets, problems } = parseAssets(GUIDE_ASSET_YAML);
    assert.deepEqual(problems, []);
    assert.equal(assets.length, 1);
    const a = assets[0];
    assert.equal(a?.name, "sensu/system-profile-linux");
    assert.equal(a?.legacy, false);
    assert.equal(a?.builds.length, 6);
    const amd64 = a?.builds[5];
    assert.equal(
      amd64?.sha512,
      "29a6e1725f37e533cd9f6a8a17b40ef757ba5ea5dc27701c19a7fb9ac9c2bdf9f684d758d4440f278bb7fc669e52bf02efb3fc6758731f7f3e10617a2fe026cf",
    );
    assert.deepEqual(amd64?.filterText, ["entity.system.os == 'linux'", "entity.system.arch == 'amd64'"]);
    assert.equal(a?.annotations?.["io.sensu.bonsai.version"], "0.10.1");
  });

  it("reads the JSON form to the same model", () => {
    const yaml = parseAssets(GUIDE_ASSET_YAML).assets.map(withoutSource);
    const json = parseAssets(GUIDE_ASSET_JSON).assets.map(withoutSource);
    assert.deepEqual(json, yaml);
  });

  it("round-trips: parse, write as YAML and as JSON, parse again, same model and same definition", () => {
    const first = parseAssets(GUIDE_ASSET_YAML).assets;
    for (const text of [toYamlDocuments(first.map(assetDefinition)), toJsonDocuments(first.map(assetDefinition))]) {
      const again = parseAssets(text);
      assert.deepEqual(again.problems, []);
      assert.deepEqual(again.assets.map(withoutSource), first.map(withoutSource));
    }
    assert.deepEqual(assetDefinition(first[0] as Asset), load(GUIDE_ASSET_YAML));
  });
});

describe("parseAssets problems", () => {
  it("keeps the good documents and names document, asset and field for each bad one", () => {
    const text = [
      asset(
        "good",
        `  builds:\n  - url: https://x/a.tar.gz\n    sha512: ${SHA}\n    filters: ["entity.system.os == 'linux'"]\n`,
      ),
      "---\ntype: CheckConfig\napi_version: core/v2\nmetadata:\n  name: c\n",
      asset("nobuilds", "  builds: []\n"),
      asset("short", `  builds:\n  - url: https://x/a.tar.gz\n    sha512: ${SHA.slice(0, 64)}\n`),
      asset("nosha", "  builds:\n  - url: https://x/a.tar.gz\n"),
      asset(
        "filter",
        `  builds:\n  - url: https://x/a.tar.gz\n    sha512: ${SHA}\n    filters: ["entity.system.os in ['linux']"]\n`,
      ),
      "---\n: [broken\n",
    ].join("");
    const { assets, problems } = parseAssets(text, "paste");
    assert.deepEqual(
      assets.map((a) => a.name),
      ["good"],
    );
    const got = problems.map((p) => [p.document, p.name, p.field]);
    assert.deepEqual(got, [
      ["paste, document 2", "c", "type"],
      ["paste, document 3", "nobuilds", "spec.builds"],
      ["paste, document 4", "short", "spec.builds[0].sha512"],
      ["paste, document 5", "nosha", "spec.builds[0].sha512"],
      ["paste, document 6", "filter", "spec.builds[0].filters[0]"],
      ["paste, document 7", null, ""],
    ]);
    assert.match(
      problems[2]?.message ?? "",
      /^paste, document 4 \("short"\), spec\.builds\[0\]\.sha512: The sha512 is 64 characters/,
    );
    assert.match(problems[4]?.message ?? "", /entity\.system\.os in \['linux'\]/);
    assert.match(problems[5]?.message ?? "", /^paste, document 7: failed to parse YAML/);
  });

  it("keeps the good builds of an asset with one bad build", () => {
    const { assets, problems } = parseAssets(
      asset(
        "mixed",
        `  builds:\n  - url: https://x/a.tar.gz\n    sha512: ${SHA}\n  - url: ftp://x\n    sha512: ${SHA}\n`,
      ),
    );
    assert.deepEqual(
      assets[0]?.builds.map((b) => b.index),
      [0],
    );
    assert.equal(problems[0]?.field, "spec.builds[1].url");
  });

  it("reads a legacy single-build asset", () => {
    const { assets } = parseAssets(
      asset(
        "old",
        `  url: https://x/old.tar.gz\n  sha512: ${SHA.toUpperCase()}\n  filters:\n  - entity.system.os == 'linux'\n`,
      ),
    );
    assert.equal(assets[0]?.legacy, true);
    assert.equal(assets[0]?.builds[0]?.sha512, SHA.toUpperCase());
    const again = parseAssets(toYamlDocuments(assets.map(assetDefinition))).assets;
    assert.deepEqual(again.map(withoutSource), assets.map(withoutSource));
  });

  it("asks for quotes when YAML read the sha512 as a number", () => {
    const { problems } = parseAssets(asset("num", `  url: https://x/a.tar.gz\n  sha512: 1${"0".repeat(126)}e5\n`));
    assert.match(problems[0]?.message ?? "", /read as a number: put it in quotes/);
  });

  it("refuses names that could not be shown or used safely", () => {
    const { problems } = parseAssets(asset('"bad name"', `  url: https://x/a.tar.gz\n  sha512: ${SHA}\n`));
    assert.equal(problems[0]?.field, "metadata.name");
  });

  it("reports a second definition of the same asset, across files too", () => {
    const one = asset("dup", `  url: https://x/a.tar.gz\n  sha512: ${SHA}\n`);
    const r = parseAssetFiles([
      { name: "a.yml", text: one },
      { name: "b.yml", text: one },
    ]);
    assert.equal(r.assets.length, 1);
    assert.match(
      r.problems[0]?.message ?? "",
      /b\.yml, document 1 \("dup"\), metadata\.name: This name is already defined in a\.yml, document 1/,
    );
  });
});
