import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import tseslint from "typescript-eslint";

import layers from "./scripts/eslint/lib-layers.mjs";

const root = import.meta.dirname;

export default tseslint.config(
  { ignores: [".next/", "out/", "node_modules/", "test-results/", "playwright-report/", ".tmp/", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["lib/**/*.ts"],
    plugins: { layers },
    rules: {
      "layers/lib-layers": ["error", { root }],
      // Hostile input is the point: parsers match control characters on purpose, to refuse them.
      "no-control-regex": "off",
      // The same code runs in Node, a Worker and the page: nothing may assume a document.
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "localStorage",
        "sessionStorage",
        "indexedDB",
        "navigator",
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    ignores: ["lib/pki/x509.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@peculiar/x509",
              message: "Import it through lib/pki/x509.ts, which loads reflect-metadata first.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        module: "writable",
        require: "readonly",
        __dirname: "readonly",
      },
    },
  },
  {
    // CommonJS launchers (scripts/sensu-tls.cjs): require() is how they load.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
