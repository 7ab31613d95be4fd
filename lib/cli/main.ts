import { runBundle } from "./bundle-command";
import { runCheck } from "./check-command";
import { runInspect } from "./inspect-command";
import type { CliIo } from "./io";
import { guardedOutput } from "./output";

export const MAIN_HELP = `Usage: sensu-tls <command> [options]

The Sensu TLS Wizard's engine on the command line: the same plan file, the same bundle.

  bundle    issue the certificates of a plan file and write the bundle zip
  inspect   list the certificates in a bundle or PEM files, soonest expiry first (exit 0/1/2)
  check     check every connection of a bundle or an unzipped one

Run sensu-tls <command> --help for its options. Example:
  sensu-tls bundle --plan sensu-tls-plan.json --out bundle.zip`;

const COMMANDS = { bundle: runBundle, inspect: runInspect, check: runCheck } as const;

/** Runs one command line and returns its exit status; nothing it prints can hold a private key. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const output = guardedOutput(io);
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    output.out(`${MAIN_HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command as keyof typeof COMMANDS];
  if (!run) {
    output.err(`"${command}" is not a sensu-tls command: bundle, inspect or check (sensu-tls --help).\n`);
    return 2;
  }
  try {
    return await run(rest, io, output);
  } catch (e) {
    // A bug, not bad input: say so, without a stack trace that could quote a file.
    output.err(`sensu-tls ${command} failed unexpectedly: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
}
