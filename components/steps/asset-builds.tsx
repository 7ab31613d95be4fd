import { issuesFor } from "@/lib/plan/issues";
import type { Asset } from "@/lib/sudoers/asset-parse";
import { buildLabel } from "@/lib/sudoers/filters";
import { choiceField } from "@/lib/wizard/parse-assets";
import { setAssetCommands, toggleAssetBuild } from "@/lib/wizard/update";

import { Checkbox } from "../ui/checkbox";
import { TextField } from "../ui/text-field";
import type { StepFormProps } from "./step-form-props";

/** Each asset's builds by their filters, the sha512 and the directory each unpacks to. */
export function AssetBuilds({ assets, input, onChange, check }: StepFormProps & { assets: readonly Asset[] }) {
  const { choices, cacheDir, mode } = input.assets;
  const needsCommands = mode === "selected-commands" || mode === "root-owned";
  const stale = choices
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !assets.some((a) => a.name === c.asset && a.builds.some((b) => b.index === c.build)));
  return (
    <section aria-labelledby="builds-heading" className="flex flex-col gap-3">
      <h2 id="builds-heading" className="text-lg font-semibold">
        Builds
      </h2>
      {issuesFor(check.errors, "assets.choices").map((m) => (
        <p key={m} className="text-sm font-medium text-red-700" role="alert">
          {m}
        </p>
      ))}
      {assets.map((asset) => (
        <fieldset key={asset.name} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3">
          <legend className="px-1 font-mono text-sm font-semibold">{asset.name}</legend>
          {asset.builds.map((build) => {
            const index = choices.findIndex((c) => c.asset === asset.name && c.build === build.index);
            const label = buildLabel(build.filters);
            const id = `assets.build.${asset.name}.${build.index}`;
            return (
              <div
                key={build.index}
                className="flex flex-col gap-2 border-t border-slate-100 pt-2 first:border-0 first:pt-0"
              >
                <Checkbox
                  id={id}
                  label={`${label} build of ${asset.name}`}
                  checked={index >= 0}
                  onChange={(on) => onChange((i) => toggleAssetBuild(i, asset.name, build.index, on))}
                  description={
                    <span className="font-mono text-xs break-all">
                      sha512 {build.sha512}
                      <br />
                      unpacks to {cacheDir.trim()}/{build.sha512}/bin
                    </span>
                  }
                />
                {index >= 0 && needsCommands && (
                  <div className="pl-7">
                    <TextField
                      id={choiceField(index)}
                      label={`Commands from ${label} of ${asset.name}`}
                      mono
                      placeholder={asset.name.split("/").pop()}
                      value={choices[index]?.commands ?? ""}
                      onChange={(v) => onChange((i) => setAssetCommands(i, index, v))}
                      errors={issuesFor(check.errors, choiceField(index))}
                      hint="File names in the build's bin/ directory, comma separated."
                    />
                  </div>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      {stale.map(({ c, i }) => (
        <div key={`${c.asset}:${c.build}`} className="flex items-center gap-3 text-sm">
          <p className="text-red-700" role="alert">
            {issuesFor(check.errors, choiceField(i))[0] ??
              `Build ${c.build + 1} of ${c.asset} is no longer in the definitions.`}
          </p>
          <button
            type="button"
            className="underline"
            onClick={() => onChange((x) => toggleAssetBuild(x, c.asset, c.build, false))}
          >
            Forget it
          </button>
        </div>
      ))}
    </section>
  );
}
