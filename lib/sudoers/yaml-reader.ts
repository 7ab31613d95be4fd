import { load } from "js-yaml";

import { parseAssetFilesWith, parseAssetsWith, type ParsedAssets } from "./asset-parse";
import { type SplitDocuments, splitDocumentsWith, type YamlLoad } from "./documents";

// js-yaml bound to the asset readers. The page's parse is given `loadYaml` once it has loaded this
// module (only when asset definitions are typed or loaded); Node callers and tests import it directly.

export const loadYaml: YamlLoad = (text) => load(text);

export const splitDocuments = (text: string, source?: string): SplitDocuments =>
  splitDocumentsWith(loadYaml, text, source);

/** Parses one pasted text or file. `source` (a file name) prefixes every document label. */
export const parseAssets = (text: string, source?: string): ParsedAssets => parseAssetsWith(loadYaml, text, source);

export const parseAssetFiles = (files: readonly { name: string; text: string }[]): ParsedAssets =>
  parseAssetFilesWith(loadYaml, files);
