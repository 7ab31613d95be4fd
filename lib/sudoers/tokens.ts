// Every word that reaches a sudoers file or the copy script passes through one of these parsers.
// They accept a deliberately small alphabet instead of escaping: sudoers gives meaning to white
// space, `,` `:` `=` `!` `(` `)` `\` `#` `"` and the glob characters `* ? [ ]`, and one of them in a
// user name or path could end a rule early, start a comment or widen what the rule grants. The
// brand makes the renderer impossible to call with a string that skipped this file.

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type UserName = Brand<string, "UserName">;
/** An absolute, normalised path: no `.`/`..` segments, no `//`, no trailing slash, no glob. */
export type AbsPath = Brand<string, "AbsPath">;
/** One file name inside an asset's `bin/` directory. */
export type CommandName = Brand<string, "CommandName">;
/** 128 hexadecimal characters, case kept: Sensu names the cache directory after it as written. */
export type Sha512 = Brand<string, "Sha512">;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Longest user name accepted: useradd's default limit on Linux (32). */
export const MAX_USER_NAME = 32;
/** Longest directory accepted. Far below PATH_MAX; long enough for any real cache or install path. */
export const MAX_PATH = 200;
/** Longest command name accepted (NAME_MAX is 255; real asset commands are short). */
export const MAX_COMMAND = 100;

const USER_NAME = /^[a-z_][a-z0-9_-]*$/;

/**
 * Lower-case words the sudoers grammar reserves where a user name stands: visudo 1.9 refuses
 * `sudoedit ALL=...` and `Defaults:sha256 ...` with a syntax error (found by running every word of
 * sudoers(5) through visudo -c; the upper-case keywords such as ALL cannot pass USER_NAME anyway).
 */
const RESERVED_USER_NAMES: Record<string, string> = {
  sudoedit: "sudoers reads sudoedit as its built-in editor command",
  sha224: "sudoers reads sha224 as the start of a command digest",
  sha256: "sudoers reads sha256 as the start of a command digest",
  sha384: "sudoers reads sha384 as the start of a command digest",
  sha512: "sudoers reads sha512 as the start of a command digest",
};

/**
 * Command file names that sudoers gives a meaning of its own. visudo refuses a rule naming
 * `…/bin/sudoedit` ("sudoedit should not be specified with a path"); `…/bin/ALL` and `…/bin/list`
 * pass visudo, but a reviewer reads the first as "every command" and sudo gives "list" to sudo -l.
 */
const RESERVED_COMMANDS: Record<string, string> = {
  sudoedit:
    "sudoedit is sudo's built-in editor, which sudoers refuses with a path (visudo: sudoedit should not be specified with a path)",
  ALL: "ALL is the sudoers keyword for every command, so a rule naming a file ALL reads as granting everything",
  list: "list is the sudoers pseudo-command for sudo -l",
};
const SEGMENT = /^[A-Za-z0-9._+-]+$/;
const SHA512 = /^[0-9A-Fa-f]{128}$/;

/** Names the first character outside the accepted alphabet, for the message. */
function describeChar(text: string, allowed: RegExp): string {
  const bad = [...text].find((c) => !allowed.test(c)) ?? "";
  if (bad === " " || bad === "\t") return "white space";
  if (bad === "\n" || bad === "\r") return "a line break";
  if (/[\u0000-\u001f\u007f]/.test(bad)) return "a control character";
  if (/[*?[\]!]/.test(bad)) return `the wildcard "${bad}"`;
  const code = bad.codePointAt(0) ?? 0;
  if (code > 0x7e) return `the non-ASCII character "${bad}"`;
  return `"${bad}"`;
}

/** A POSIX-portable login name (the form useradd accepts by default), lower case. */
export function parseUserName(raw: string): Parsed<UserName> {
  if (raw === "") return { ok: false, message: "Enter the user the Sensu agent runs as." };
  if (raw.length > MAX_USER_NAME)
    return { ok: false, message: `The user name is ${raw.length} characters; at most ${MAX_USER_NAME} are accepted.` };
  if (!USER_NAME.test(raw)) {
    const first = /^[a-z_]/.test(raw)
      ? `contains ${describeChar(raw, /[a-z0-9_-]/)}`
      : "must start with a lower-case letter or _";
    return { ok: false, message: `The user name ${first}; use lower-case letters, digits, _ and -.` };
  }
  const reserved = Object.hasOwn(RESERVED_USER_NAMES, raw) ? RESERVED_USER_NAMES[raw] : undefined;
  if (reserved)
    return {
      ok: false,
      message: `The user name "${raw}" cannot stand in a sudoers rule: ${reserved}, and visudo refuses the file. Run the agent as another user.`,
    };
  return { ok: true, value: raw as UserName };
}

/** An absolute directory. `label` names it in messages ("The cache directory"). */
export function parseDirectory(raw: string, label: string): Parsed<AbsPath> {
  if (raw === "") return { ok: false, message: `${label} is empty.` };
  if (raw.length > MAX_PATH)
    return { ok: false, message: `${label} is ${raw.length} characters; at most ${MAX_PATH} are accepted.` };
  if (!raw.startsWith("/")) return { ok: false, message: `${label} must be an absolute path (start with /).` };
  if (raw === "/") return { ok: false, message: `${label} cannot be / itself.` };
  if (raw.endsWith("/")) return { ok: false, message: `${label} ends with /: remove the trailing slash.` };
  if (raw.includes("//")) return { ok: false, message: `${label} contains //: write each directory once.` };
  for (const segment of raw.slice(1).split("/")) {
    if (segment === "." || segment === "..")
      return { ok: false, message: `${label} contains a "${segment}" segment: write the real path.` };
    if (!SEGMENT.test(segment)) {
      return {
        ok: false,
        message: `${label} contains ${describeChar(segment, /[A-Za-z0-9._+-]/)}; use letters, digits, . _ + and - between the slashes.`,
      };
    }
  }
  return { ok: true, value: raw as AbsPath };
}

/** A file name in an asset's bin/ directory: no slash, no leading dot or dash. */
export function parseCommandName(raw: string): Parsed<CommandName> {
  if (raw === "") return { ok: false, message: "The command name is empty." };
  if (raw.length > MAX_COMMAND)
    return { ok: false, message: `The command name is ${raw.length} characters; at most ${MAX_COMMAND} are accepted.` };
  if (raw.includes("/"))
    return { ok: false, message: `"${raw}" contains /: give the file name in the asset's bin/ directory only.` };
  if (raw.startsWith(".") || raw.startsWith("-"))
    return { ok: false, message: "The command name may not start with . or -." };
  if (!SEGMENT.test(raw))
    return {
      ok: false,
      message: `The command name contains ${describeChar(raw, /[A-Za-z0-9._+-]/)}; use letters, digits, . _ + and -.`,
    };
  const reserved = Object.hasOwn(RESERVED_COMMANDS, raw) ? RESERVED_COMMANDS[raw] : undefined;
  if (reserved)
    return {
      ok: false,
      message: `"${raw}" cannot be a command in these rules: ${reserved}. Leave it out, or copy the program under another name yourself.`,
    };
  return { ok: true, value: raw as CommandName };
}

/** A build's sha512 exactly as written (case kept), or why it is not one. */
export function parseSha512(raw: string): Parsed<Sha512> {
  if (raw === "") return { ok: false, message: "The sha512 is empty." };
  if (!/^[0-9A-Fa-f]*$/.test(raw))
    return { ok: false, message: `The sha512 contains ${describeChar(raw, /[0-9A-Fa-f]/)}; it must be hexadecimal.` };
  if (!SHA512.test(raw))
    return { ok: false, message: `The sha512 is ${raw.length} characters; it must be 128 hexadecimal characters.` };
  return { ok: true, value: raw as Sha512 };
}

/** Joins already-validated path pieces; the result stays valid because each piece is. */
export function joinPath(dir: AbsPath, ...segments: (Sha512 | CommandName | "bin")[]): AbsPath {
  return [dir, ...segments].join("/") as AbsPath;
}

/** The segments of an asset name ("sensu/system-profile-linux") usable as a directory, or null. */
export function assetDirSegments(name: string): string[] | null {
  const parts = name.split("/");
  return parts.every((p) => SEGMENT.test(p) && p !== "." && p !== ".." && !p.startsWith("-")) ? parts : null;
}

/** Quotes any string for POSIX sh as one word. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
