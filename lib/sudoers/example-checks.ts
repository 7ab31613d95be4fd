import type { PlannedBuild } from "./builds";
import type { SudoersPlan } from "./model";
import { toJsonDocuments, toYamlDocuments } from "./serialize";

// The guide's two example checks, made for the chosen assets: sudo_example runs an asset command
// through sudo, sudo_test echoes the paths a check receives. Field order and values follow the
// guide. In root-owned mode the command is the root-owned copy and `sudo` has no -E: the rules
// there carry no SETENV, and sudo refuses -E without it.

export interface CheckConfig {
  type: "CheckConfig";
  api_version: "core/v2";
  metadata: { name: string };
  spec: Record<string, unknown>;
}

export interface ExampleCheckOptions {
  /** Default ["test"], as in the guide. */
  subscriptions?: string[];
}

/** The guide's diagnostic command (the \n are literal backslash-n for echo, as the guide writes them). */
export const SUDO_TEST_ECHO = 'echo "PATH:$PATH \\nLD:$LD_LIBRARY_PATH \\n"';

function firstBuildPerAsset(builds: readonly PlannedBuild[]): PlannedBuild[] {
  const seen = new Set<string>();
  return builds.filter((b) => !seen.has(b.asset.name) && seen.add(b.asset.name));
}

/** sudo_example for one asset, or several named sudo_example-<asset> when there are more. */
function exampleName(asset: string, count: number): string {
  return count === 1 ? "sudo_example" : `sudo_example-${asset.replace(/[^A-Za-z0-9_.-]+/g, "-")}`;
}

function exampleCommand(plan: SudoersPlan, b: PlannedBuild): string | null {
  if (!b.exampleCommand) return null;
  if (plan.mode === "root-owned") return b.rootBinDir ? `sudo ${b.rootBinDir}/${b.exampleCommand}` : null;
  return `sudo -E \${${b.envVar}}/bin/${b.exampleCommand}`;
}

export function exampleChecks(plan: SudoersPlan, options: ExampleCheckOptions = {}): CheckConfig[] {
  const subscriptions = options.subscriptions ?? ["test"];
  const perAsset = firstBuildPerAsset(plan.builds).filter((b) => exampleCommand(plan, b) !== null);
  const checks: CheckConfig[] = perAsset.map((b) => ({
    type: "CheckConfig",
    api_version: "core/v2",
    metadata: { name: exampleName(b.asset.name, perAsset.length) },
    spec: {
      check_hooks: null,
      command: exampleCommand(plan, b),
      interval: 60,
      publish: false,
      // The root-owned copy does not come from the agent's cache, so the check needs no asset.
      runtime_assets: plan.mode === "root-owned" ? [] : [b.asset.name],
      subscriptions: [...subscriptions],
    },
  }));
  if (plan.diagnosticEcho) {
    checks.push({
      type: "CheckConfig",
      api_version: "core/v2",
      metadata: { name: "sudo_test" },
      spec: {
        check_hooks: null,
        command: `${plan.mode === "root-owned" ? "sudo" : "sudo -E"} ${SUDO_TEST_ECHO}`,
        env_vars: null,
        handlers: [],
        high_flap_threshold: 0,
        interval: 10,
        low_flap_threshold: 0,
        output_metric_format: "",
        output_metric_handlers: null,
        proxy_entity_name: "",
        publish: true,
        round_robin: false,
        runtime_assets: firstBuildPerAsset(plan.builds).map((b) => b.asset.name),
        secrets: null,
        stdin: false,
        subdue: null,
        subscriptions: [...subscriptions],
        timeout: 0,
        ttl: 0,
      },
    });
  }
  return checks;
}

export const checksToYaml = (checks: readonly CheckConfig[]): string => toYamlDocuments(checks);
export const checksToJson = (checks: readonly CheckConfig[]): string => toJsonDocuments(checks);
