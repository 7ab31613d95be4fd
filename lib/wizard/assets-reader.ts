import { loadYaml } from "../sudoers/yaml-reader";
import type { AssetsParser } from "./parse";
import { parseAssets } from "./parse-assets";

/**
 * The Assets step's parse with js-yaml: the page loads this module (and the sudoers model with it)
 * only once asset definitions are given; Node callers and tests import it directly.
 */
export const ASSETS_READER: AssetsParser = (input) => parseAssets(input, loadYaml);
