// The rule modes and defaults, apart from model.ts so the wizard's input model (on every page)
// does not load the sudoers validation, which only the Assets step needs.

/**
 * 1 all-assets: the guide's `**` lines, for test systems only.
 * 2 selected-builds: the guide's sha512-pinned `bin/*` lines.
 * 3 selected-commands: named commands in the chosen builds' cache directories.
 * 4 root-owned: verified root-owned copies, no SETENV (recommended).
 */
export type RuleMode = "all-assets" | "selected-builds" | "selected-commands" | "root-owned";
export const RULE_MODES: readonly RuleMode[] = ["all-assets", "selected-builds", "selected-commands", "root-owned"];

/** The user the Sensu packages create and run sensu-agent as. */
export const DEFAULT_USER = "sensu";
/** sensu-agent's default cache-dir on Linux; assets unpack to <cache>/<sha512>. */
export const DEFAULT_CACHE_DIR = "/var/cache/sensu/sensu-agent";
/** Where root-owned copies go: libexec holds programs run by other programs, not by people. */
export const DEFAULT_ROOT_DIR = "/usr/local/libexec/sensu";
