import type { WizardInput } from "./model";

/** The step is optional: with no definitions the bundle has no sudo rules. Apart from parse-assets.ts, which loads only when this is true. */
export function assetsInUse(input: WizardInput): boolean {
  return input.assets.pasted.trim() !== "" || input.assets.files.length > 0;
}
