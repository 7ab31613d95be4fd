// Sensu exposes each runtime asset's directory to the check as <KEY>_PATH, where KEY is the asset
// name upper-cased with every run of characters other than A-Z, a-z, 0-9 replaced by one "_"
// (sensu-go util/environment.Key, used by asset.RuntimeAsset.Env).

/** "sensu/system-profile-linux" → "SENSU_SYSTEM_PROFILE_LINUX_PATH". */
export function assetPathEnvVar(assetName: string): string {
  return `${assetName.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase()}_PATH`;
}
