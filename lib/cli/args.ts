/**
 * The command line's own small argument reader: `--name value`, `--name=value`, flags, and
 * positionals, checked against each command's list so a typo is named instead of ignored.
 */
export interface ArgSpec {
  /** Options that take a value, without the leading --. */
  values: readonly string[];
  /** Options that are on or off. */
  flags: readonly string[];
}

export interface Args {
  values: Map<string, string>;
  flags: Set<string>;
  positionals: string[];
}

export type ArgsResult = { ok: true; args: Args } | { ok: false; message: string };

export function parseArgs(argv: readonly string[], spec: ArgSpec, command: string): ArgsResult {
  const args: Args = { values: new Map(), flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      args.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "--") {
      args.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.flags.includes(name)) {
      if (eq !== -1) return { ok: false, message: `--${name} takes no value.` };
      args.flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === "")
        return { ok: false, message: `--${name} needs a value: see sensu-tls ${command} --help.` };
      if (args.values.has(name)) return { ok: false, message: `--${name} is given twice.` };
      args.values.set(name, value);
    } else
      return {
        ok: false,
        message: `${arg} is not an option of sensu-tls ${command}: see sensu-tls ${command} --help.`,
      };
  }
  return { ok: true, args };
}
