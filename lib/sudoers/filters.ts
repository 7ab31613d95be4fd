// Asset build filters are Sensu query expressions. Only the simple comparisons Bonsai publishes
// are understood here (`entity.system.os == 'linux'`); anything else is refused rather than guessed,
// because choosing the wrong build would pin sudoers to a directory that never exists.

/** The entity.system attributes Bonsai's build filters compare. */
export const SYSTEM_FIELDS = [
  "os",
  "arch",
  "arm_version",
  "platform",
  "platform_family",
  "platform_version",
  "libc_type",
  "float_type",
] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];

export interface BuildFilter {
  field: SystemField;
  op: "==" | "!=";
  value: string;
}

export type FilterResult = { ok: true; filter: BuildFilter } | { ok: false; message: string };

// Values are kept to the characters real platforms use (linux, amd64, 386, rhel, 7.9, musl): they
// reach comments in the sudoers file and patterns in the copy script, so nothing else may pass.
const COMPARISON =
  /^entity\.system\.([a-z_]+)\s*(==|!=)\s*(?:'([A-Za-z0-9._+-]{1,64})'|"([A-Za-z0-9._+-]{1,64})"|([0-9]{1,9}))$/;

/** Parses one filter expression, e.g. `entity.system.arch == "amd64"` or `entity.system.arm_version == 7`. */
export function parseFilter(expression: string): FilterResult {
  const text = expression.trim();
  const m = COMPARISON.exec(text);
  if (!m) {
    return {
      ok: false,
      message: `"${text}" is not a filter this wizard can read; expected entity.system.<attribute> == 'value' (or !=)`,
    };
  }
  const field = m[1] ?? "";
  if (!(SYSTEM_FIELDS as readonly string[]).includes(field)) {
    return {
      ok: false,
      message: `"${text}" compares entity.system.${field}, which is not one of ${SYSTEM_FIELDS.join(", ")}`,
    };
  }
  const value = m[3] ?? m[4] ?? m[5] ?? "";
  return { ok: true, filter: { field: field as SystemField, op: m[2] === "!=" ? "!=" : "==", value } };
}

/** The value a build requires for one attribute (`==` only), or null when it does not pin it. */
export function required(filters: readonly BuildFilter[], field: SystemField): string | null {
  return filters.find((f) => f.field === field && f.op === "==")?.value ?? null;
}

/** A short label for choosing a build: "linux/amd64", "linux/armv7 (platform_family == rhel)", "any platform". */
export function buildLabel(filters: readonly BuildFilter[]): string {
  const os = required(filters, "os");
  const arch = required(filters, "arch");
  const main = os || arch ? `${os ?? "any os"}/${arch ?? "any arch"}` : "any platform";
  const rest = filters.filter((f) => !((f.field === "os" || f.field === "arch") && f.op === "=="));
  return rest.length === 0 ? main : `${main} (${rest.map((f) => `${f.field} ${f.op} ${f.value}`).join(", ")})`;
}

/** Whether a build's filters admit a host with these attributes (absent attributes never match a filter). */
export function matches(filters: readonly BuildFilter[], host: Partial<Record<SystemField, string>>): boolean {
  return filters.every((f) => {
    const actual = host[f.field];
    if (actual === undefined) return false;
    return f.op === "==" ? actual === f.value : actual !== f.value;
  });
}
