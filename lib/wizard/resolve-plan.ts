import type { ResolveResult } from "./assemble-plan";
import { ASSETS_READER } from "./assets-reader";
import { type CaChecks, NO_CA_CHECKS } from "./ca-checks";
import { CA_PEM_READER } from "./ca-pem-reader";
import type { WizardInput } from "./model";
import { parseWizard } from "./parse";

/**
 * The plan alone, for callers outside the page (tests, the bench): the same single parse, with the
 * CA certificate reader the page loads only when it needs it. Kept out of parse.ts so the page's
 * parse does not pull x509 in.
 */
export function resolvePlan(input: WizardInput, now: Date, caChecks: CaChecks = NO_CA_CHECKS): ResolveResult {
  return parseWizard(input, { now, caChecks, readCaPem: CA_PEM_READER, parseAssets: ASSETS_READER }).resolved;
}
