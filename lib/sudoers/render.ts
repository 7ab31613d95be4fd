import type { RuleMode, SudoersPlan } from "./model";
import type { AbsPath } from "./tokens";

// Renders /etc/sudoers.d/sensu-assets from a validated plan. Rules keep the guide's layout
// ("sensu   ALL=(ALL)       NOPASSWD:SETENV: <command>", one command a line) so the file reads
// like the guide; every rule is preceded by a comment saying what it grants.

export interface RenderedRule {
  /** The sudoers line itself. */
  line: string;
  /** One line: what the rule lets the agent's user do. */
  explanation: string;
  setenv: boolean;
}

export interface RenderedSudoers {
  /** The whole file, ending in a newline. */
  text: string;
  rules: RenderedRule[];
  /** The `Defaults:<user> secure_path` line, when asked for. */
  securePath: string | null;
}

export interface ModeSummary {
  title: string;
  /** One line: what the mode's rules grant. */
  grants: string;
  /** Shown with the mode; null for the recommended mode. */
  warning: string | null;
}

/** The sudoers file name: /etc/sudoers.d ignores names containing "." or ending in "~". */
export const SUDOERS_FILE = "sensu-assets";
/** The guide's secure_path, before the asset directories. */
export const BASE_SECURE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
/** The guide's diagnostic command. */
export const ECHO = "/usr/bin/echo";

const CACHE_WARNING =
  "The asset cache is written by the agent's user, so anyone who controls checks or assets can put a file there and run it as root.";

export const MODE_SUMMARY: Record<RuleMode, ModeSummary> = {
  "all-assets": {
    title: "All assets (test systems only)",
    grants: "The agent's user may run any file in any asset's bin/ directory as root, with any environment.",
    warning: `For test systems only. ${CACHE_WARNING}`,
  },
  "selected-builds": {
    title: "Chosen builds, pinned by sha512",
    grants:
      "The agent's user may run any file in the bin/ directory of the chosen builds as root, with any environment.",
    warning: CACHE_WARNING,
  },
  "selected-commands": {
    title: "Chosen commands in the asset cache",
    grants: "The agent's user may run the named commands of the chosen builds as root, with any environment.",
    warning: CACHE_WARNING,
  },
  "root-owned": {
    title: "Root-owned copies (recommended)",
    grants:
      "The agent's user may run the named commands, copied after sha512 verification into a root-owned directory, as root; it cannot pass its own environment variables (no SETENV).",
    warning: null,
  },
};

export const SETENV_NOTE =
  "SETENV lets the caller set any environment variable for the command, LD_PRELOAD and LD_LIBRARY_PATH included (sudoers(5)): that alone runs code as root.";

/** Said next to every SETENV rule (point 21 of the reference notes). */
export const SETENV_RULE_NOTE =
  "SETENV: the caller may also set LD_PRELOAD or any other variable for this command; see the warning above.";

/** Guards the one invariant the renderer adds itself: a comment is one line. */
function comment(text: string): string {
  if (/[\r\n]/.test(text)) throw new Error("failed to render sudoers: a comment spans lines");
  return `# ${text}`;
}

function rulesOf(plan: SudoersPlan): RenderedRule[] {
  const setenv = plan.mode !== "root-owned";
  const runAs = setenv ? "ALL=(ALL)       NOPASSWD:SETENV:" : "ALL=(root)      NOPASSWD:";
  const rules: RenderedRule[] = [];
  const add = (command: string, explanation: string) => {
    const line = `${plan.user}   ${runAs} ${command}`;
    if (!rules.some((r) => r.line === line)) rules.push({ line, explanation, setenv });
  };
  switch (plan.mode) {
    case "all-assets":
      add(`${plan.cacheDir}/**/bin/*`, "Test systems only: any file in the bin/ directory of any asset in the cache.");
      add(
        `${plan.cacheDir}/**/bin/*.*`,
        "Test systems only: the same, for names with an extension (the guide lists both).",
      );
      break;
    case "selected-builds":
      for (const b of plan.builds) {
        const what = `${b.asset.name} ${b.label} (sha512 ${b.build.sha512.slice(0, 12)}...)`;
        add(`${b.cacheBinDir}/*.*`, `Any file with an extension in bin/ of ${what}.`);
        add(`${b.cacheBinDir}/*`, `Any file in bin/ of ${what}.`);
      }
      break;
    case "selected-commands":
      for (const b of plan.builds) {
        for (const c of b.commands)
          add(`${b.cacheBinDir}/${c}`, `${c} from ${b.asset.name} ${b.label}, as unpacked by the agent.`);
      }
      break;
    case "root-owned":
      for (const b of plan.builds) {
        for (const c of b.commands)
          add(`${b.rootBinDir}/${c}`, `${c} from ${b.asset.name}, the root-owned copy the install script verified.`);
      }
      break;
  }
  if (plan.diagnosticEcho) add(ECHO, "Diagnostics: echo, to see the asset paths a check receives.");
  return rules;
}

/** Directories for secure_path: explicit ones only, since sudo does not expand globs there. */
export function securePathDirs(plan: SudoersPlan): AbsPath[] {
  const dirs = plan.builds
    .map((b) => (plan.mode === "root-owned" ? b.rootBinDir : b.cacheBinDir))
    .filter((d): d is AbsPath => d !== null);
  return [...new Set(dirs)];
}

export function renderSudoers(plan: SudoersPlan): RenderedSudoers {
  const summary = MODE_SUMMARY[plan.mode];
  const rules = rulesOf(plan);
  const lines = [
    comment(`/etc/sudoers.d/${SUDOERS_FILE}: generated by Sensu TLS Wizard.`),
    comment(`Mode: ${plan.mode}: ${summary.title}.`),
    comment(`Grants: ${summary.grants.replace("The agent's user", plan.user)}`),
    ...(summary.warning ? [comment(`Warning: ${summary.warning}`)] : []),
    ...(rules.some((r) => r.setenv) ? [comment(`Warning: ${SETENV_NOTE}`)] : []),
    comment(
      `Install as root: visudo -c -f ${SUDOERS_FILE} && install -o root -g root -m 0440 ${SUDOERS_FILE} /etc/sudoers.d/`,
    ),
    "",
  ];
  let securePath: string | null = null;
  if (plan.securePath) {
    securePath = `Defaults:${plan.user} secure_path = ${[BASE_SECURE_PATH, ...securePathDirs(plan)].join(":")}`;
    lines.push(
      comment(`Lets ${plan.user} run these commands by name (sudo <command>); only ${plan.user}'s sudo path changes.`),
      comment(
        "Each directory is listed because sudo does not expand ** in secure_path: the guide's .../sensu-agent/**/bin never matches.",
      ),
      securePath,
      "",
    );
  }
  for (const rule of rules) {
    lines.push(comment(rule.explanation));
    if (rule.setenv) lines.push(comment(SETENV_RULE_NOTE));
    lines.push(rule.line, "");
  }
  return { text: `${lines.join("\n").trimEnd()}\n`, rules, securePath };
}
