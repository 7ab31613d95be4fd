import type { Asset, AssetBuild } from "./asset-parse";

// Writes a parsed asset back out as the core/v2 definition Sensu reads, in Bonsai's field order, so
// the wizard can show (and bundle) exactly the definition its rules and checks were made for.

export interface AssetDefinition {
  type: "Asset";
  api_version: "core/v2";
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
}

function buildFields(build: AssetBuild): Record<string, unknown> {
  return {
    filters: build.filterText.length > 0 ? [...build.filterText] : null,
    headers: build.headers,
    sha512: build.sha512,
    url: build.url,
  };
}

export function assetDefinition(asset: Asset): AssetDefinition {
  const metadata: AssetDefinition["metadata"] = { name: asset.name };
  if (asset.namespace) metadata.namespace = asset.namespace;
  if (asset.labels) metadata.labels = { ...asset.labels };
  if (asset.annotations) metadata.annotations = { ...asset.annotations };
  const first = asset.builds[0];
  const spec =
    asset.legacy && first
      ? buildFields(first)
      : { builds: asset.builds.map(buildFields), filters: null, headers: null };
  return { type: "Asset", api_version: "core/v2", metadata, spec };
}
