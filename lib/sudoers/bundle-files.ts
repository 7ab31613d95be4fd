import { COPY_SCRIPT_FILE, renderCopyScript } from "./copy-script";
import { checksToJson, checksToYaml, type ExampleCheckOptions, exampleChecks } from "./example-checks";
import type { SudoersPlan } from "./model";
import { MODE_SUMMARY, renderSudoers, SUDOERS_FILE } from "./render";

// What the bundle gets from this feature. Paths are relative: the manifest decides the folder.

export interface SudoersBundleFile {
  path: string;
  /** Unix mode for the zip. */
  mode: number;
  content: string;
  /** What the file is, in one line. */
  purpose: string;
  /** Absolute destination on the agent host, when it is installed there. */
  installTo?: string;
}

/** sudo refuses a sudoers file that others can write; 0440 (read-only, root) is the mode visudo itself gives. */
export const SUDOERS_MODE = 0o440;
/** The copy script is read and run by root; nothing in it is secret. */
export const SCRIPT_MODE = 0o755;
export const CHECK_MODE = 0o644;

export function sudoersBundleFiles(plan: SudoersPlan, options: ExampleCheckOptions = {}): SudoersBundleFile[] {
  const files: SudoersBundleFile[] = [
    {
      path: `sudoers.d/${SUDOERS_FILE}`,
      mode: SUDOERS_MODE,
      content: renderSudoers(plan).text,
      purpose: `sudo rules for the Sensu agent's user (${MODE_SUMMARY[plan.mode].title}). Check with visudo -c -f before installing.`,
      installTo: `/etc/sudoers.d/${SUDOERS_FILE}`,
    },
  ];
  const script = renderCopyScript(plan);
  if (script !== null) {
    files.push({
      path: COPY_SCRIPT_FILE,
      mode: SCRIPT_MODE,
      content: script,
      purpose: `Run as root on each agent host: installs the verified, root-owned commands the sudo rules name (under ${plan.rootDir}).`,
    });
  }
  const checks = exampleChecks(plan, options);
  if (checks.length > 0) {
    files.push(
      {
        path: "checks/sudo-checks.yaml",
        mode: CHECK_MODE,
        content: checksToYaml(checks),
        purpose: "Example checks that run asset commands through sudo (sensuctl create -f).",
      },
      {
        path: "checks/sudo-checks.json",
        mode: CHECK_MODE,
        content: checksToJson(checks),
        purpose: "The same example checks as JSON (sensuctl create -f).",
      },
    );
  }
  return files;
}
