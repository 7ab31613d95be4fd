import type { Asset, AssetBuild } from "./asset-parse";
import type { AbsPath, CommandName } from "./tokens";

/** One chosen build of one asset, as the UI reports it. */
export interface BuildChoice {
  /** metadata.name of a parsed asset. */
  asset: string;
  /** AssetBuild.index of the chosen build. */
  build: number;
  /** Command file names in the build's bin/ (needed by selected-commands and root-owned). */
  commands: string[];
}

export interface PlannedBuild {
  asset: Asset;
  build: AssetBuild;
  /** "linux/amd64": what the build's filters select. */
  label: string;
  /** The variable Sensu sets to the asset's directory: SENSU_SYSTEM_PROFILE_LINUX_PATH. */
  envVar: string;
  commands: CommandName[];
  /** Command used by the example check: the first chosen command, else the asset's short name. */
  exampleCommand: CommandName | null;
  /** <cache>/<sha512>/bin, sha512 as written. */
  cacheBinDir: AbsPath;
  /** <root>/<asset name>/bin in root-owned mode, else null. */
  rootBinDir: AbsPath | null;
}
