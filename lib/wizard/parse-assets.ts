import { splitList } from "../pki/names";
import type { FieldIssue } from "../plan/issues";
import { parseAssetFilesWith, type ParsedAssets } from "../sudoers/asset-parse";
import type { YamlLoad } from "../sudoers/documents";
import { type PlanResult, planSudoers, type SudoersInput, type SudoersPlan } from "../sudoers/model";
import { assetsInUse } from "./assets-in-use";
import type { WizardInput } from "./model";
import type { StepParse } from "./step-parse";

export interface AssetsValue {
  /** The definitions as read, when any were given. */
  parsed: ParsedAssets | null;
  /** The rules as planned from the definitions that did parse, for the live preview. */
  planned: PlanResult | null;
  /** The validated sudoers plan: undefined when the step is unused, null while it has errors. */
  sudoers: SudoersPlan | undefined | null;
}

const PASTED_SOURCE = "pasted text";

export { assetsInUse };

function readAssets(input: WizardInput, loadYaml: YamlLoad | null): ParsedAssets {
  const { pasted, files } = input.assets;
  const sources = [...files, ...(pasted.trim() ? [{ name: PASTED_SOURCE, text: pasted }] : [])];
  return parseAssetFilesWith(loadYaml, sources);
}

function sudoersInput(input: WizardInput): SudoersInput {
  const a = input.assets;
  return {
    user: a.user.trim(),
    cacheDir: a.cacheDir.trim(),
    mode: a.mode,
    rootDir: a.rootDir.trim(),
    diagnosticEcho: a.diagnosticEcho,
    securePath: a.securePath,
    choices: a.choices.map((c) => ({ asset: c.asset, build: c.build, commands: splitList(c.commands) })),
  };
}

export const choiceField = (index: number): string => `assets.choices.${index}.commands`;

/** planSudoers names fields like "choices[2].commands[0]"; the form shows them per choice. */
function fieldOf(field: string): string {
  const choice = /^choices\[(\d+)\]/.exec(field);
  if (choice) return choiceField(Number(choice[1]));
  return `assets.${field}`;
}

/** `loadYaml` is null until the page has loaded js-yaml: YAML definitions then count as still being read. */
export function parseAssets(input: WizardInput, loadYaml: YamlLoad | null): StepParse<AssetsValue> {
  if (!assetsInUse(input))
    return { value: { parsed: null, planned: null, sudoers: undefined }, errors: [], warnings: [] };
  const parsed = readAssets(input, loadYaml);
  const { assets, problems } = parsed;
  const errors: FieldIssue[] = problems.map((p) => ({ field: "assets.definitions", message: p.message }));
  if (assets.length === 0 && problems.length === 0)
    errors.push({
      field: "assets.definitions",
      message: "No Asset definition was found in the text: paste one or more documents with type: Asset.",
    });
  const plan = planSudoers(sudoersInput(input), assets);
  if (!plan.ok) errors.push(...plan.issues.map((i) => ({ field: fieldOf(i.field), message: i.message })));
  const sudoers = problems.length === 0 && plan.ok ? plan.value : null;
  return { value: { parsed, planned: plan, sudoers }, errors, warnings: [] };
}
