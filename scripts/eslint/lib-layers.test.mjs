import { describe, it } from "node:test";

import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";

import { libLayersRule } from "./lib-layers.mjs";

// The layer rule is what keeps lib/ one-directional: each case below is an import it must refuse
// or allow, in every form an import can take.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = "/repo";
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
});
const at = (file, code) => ({ filename: `${root}/${file}`, code, options: [{ root }] });
const refused = (file, code, pattern) => ({ ...at(file, code), errors: [{ message: pattern }] });

tester.run("lib-layers", libLayersRule, {
  valid: [
    at("lib/bundle/manifest.ts", 'import { backendConfig } from "../sensu/backend-config";'),
    at("lib/bundle/manifest.ts", 'import type { ResolvedPlan } from "@/lib/plan/resolved-plan";'),
    at("lib/wizard/resolve.ts", 'import { buildManifest } from "../bundle/manifest";'),
    at("lib/plan/host-files.ts", 'import { cfsslNames } from "./file-names";'),
    at("lib/pki/x509.ts", 'import "reflect-metadata";'),
    at("lib/bundle/certificate-sources.ts", 'import { readFiles } from "../files/read-files";'),
    at("lib/files/zip-reader.ts", 'import { Inflate } from "fflate";'),
    at("lib/sensu/cross-check.test.ts", 'import { resolvePlan } from "../wizard/parse";'),
    at("components/steps/plan-form.tsx", 'import { useState } from "react";'),
  ],
  invalid: [
    refused(
      "lib/bundle/manifest.ts",
      'import type { ResolvedPlan } from "../wizard/parse";',
      /lib\/bundle may not import lib\/wizard/,
    ),
    refused("lib/sensu/yaml.ts", 'import { x } from "@/lib/bundle/zip";', /lib\/sensu may not import lib\/bundle/),
    refused("lib/plan/issues.ts", 'export { y } from "../sensu/paths";', /lib\/plan may not import lib\/sensu/),
    refused("lib/pki/ca.ts", 'export * from "../plan/file-names";', /lib\/pki may not import lib\/plan/),
    refused("lib/pki/ca.ts", 'const m = await import("../wizard/model");', /lib\/pki may not import lib\/wizard/),
    refused(
      "lib/pki/ca.ts",
      'type T = import("../bundle/manifest").ManifestEntry;',
      /lib\/pki may not import lib\/bundle/,
    ),
    refused("lib/sudoers/model.ts", 'const m = require("../plan/issues");', /lib\/sudoers may not import lib\/plan/),
    refused(
      "lib/sudoers/model.ts",
      'import { importCa } from "../pki/import-ca";',
      /lib\/sudoers and lib\/pki are independent/,
    ),
    refused(
      "lib/files/read-files.ts",
      'import { withoutPrivateKeys } from "../pki/pem";',
      /lib\/files and lib\/pki are independent/,
    ),
    refused("lib/plan/issues.ts", 'import { useMemo } from "react";', /framework-free/),
    refused("lib/bundle/zip.ts", 'import Link from "next/link";', /framework-free/),
    refused("lib/wizard/model.ts", 'import { Notice } from "@/components/ui/notice";', /may not import the app/),
    refused("lib/wizard/model.ts", 'import { x } from "../../app/layout";', /may not import the app/),
    refused("lib/day2/expiry.ts", "const a = 1;", /lib\/day2 is not in the layer list/),
    refused("lib/sensu/cross-check.test.ts", 'import { useMemo } from "react";', /framework-free/),
  ],
});
