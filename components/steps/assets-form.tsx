import { issuesFor } from "@/lib/plan/issues";
import { RULE_MODES, type RuleMode } from "@/lib/sudoers/model";
import { MODE_SUMMARY } from "@/lib/sudoers/render";
import { patchAssets } from "@/lib/wizard/update";

import { Checkbox } from "../ui/checkbox";
import { ChoiceGroup } from "../ui/choice-group";
import { Notice } from "../ui/notice";
import { TextField } from "../ui/text-field";
import { AssetBuilds } from "./asset-builds";
import { AssetDefinitions } from "./asset-definitions";
import type { StepFormProps } from "./step-form-props";
import { SudoersPreview } from "./sudoers-preview";

export function AssetsForm(props: StepFormProps) {
  const { input, onChange, check } = props;
  const { assets: a } = input;
  const { parsed, planned: plan } = props.state.steps.assets.value;
  const field = (name: string) => ({ errors: issuesFor(check.errors, `assets.${name}`) });
  return (
    <div className="flex flex-col gap-6">
      <Notice>
        <p>
          Checks that need root call asset commands through sudo. A sudoers file with a syntax error breaks sudo on the
          host, and a rule that is too wide hands out root: every value here is checked against sudoers&apos; grammar,
          and each rule says what it grants. Skip this step if no check needs sudo.
        </p>
      </Notice>
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id="assets.user"
          label="Agent's user"
          mono
          value={a.user}
          onChange={(user) => onChange((i) => patchAssets(i, { user }))}
          {...field("user")}
          hint="The user sensu-agent runs as; the packages create sensu."
        />
        <TextField
          id="assets.cacheDir"
          label="Agent cache directory"
          mono
          value={a.cacheDir}
          onChange={(cacheDir) => onChange((i) => patchAssets(i, { cacheDir }))}
          {...field("cacheDir")}
          hint="sensu-agent's cache-dir; assets unpack to <cache>/<sha512>."
        />
      </div>
      <AssetDefinitions {...props} />
      {parsed && parsed.assets.length > 0 && <AssetBuilds {...props} assets={parsed.assets} />}
      <ChoiceGroup<RuleMode>
        name="rule-mode"
        legend="Rules"
        value={a.mode}
        columns={2}
        onChange={(mode) => onChange((i) => patchAssets(i, { mode }))}
        choices={RULE_MODES.map((m) => ({
          value: m,
          label: MODE_SUMMARY[m].title,
          description: MODE_SUMMARY[m].grants,
        }))}
      />
      {a.mode === "root-owned" && (
        <div className="grid gap-6 sm:grid-cols-2">
          <TextField
            id="assets.rootDir"
            label="Directory for root-owned copies"
            mono
            value={a.rootDir}
            onChange={(rootDir) => onChange((i) => patchAssets(i, { rootDir }))}
            {...field("rootDir")}
            hint="0755 root:root, outside the cache the agent's user can write."
          />
        </div>
      )}
      <div className="flex flex-col gap-3">
        <Checkbox
          id="assets.diagnosticEcho"
          label="Add the guide's diagnostic /usr/bin/echo rule"
          checked={a.diagnosticEcho}
          onChange={(diagnosticEcho) => onChange((i) => patchAssets(i, { diagnosticEcho }))}
          description="For the sudo_test check, which shows the PATH and LD_LIBRARY_PATH a check gets."
        />
        <Checkbox
          id="assets.securePath"
          label="Extend sudo's secure_path with the chosen directories"
          checked={a.securePath}
          onChange={(securePath) => onChange((i) => patchAssets(i, { securePath }))}
          description="Only as explicit directories: sudo does not expand ** in secure_path, so the guide's …/sensu-agent/**/bin entry never matches anything."
          errors={issuesFor(check.errors, "assets.securePath")}
        />
      </div>
      {plan?.ok && <SudoersPreview plan={plan.value} />}
    </div>
  );
}
