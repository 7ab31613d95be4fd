import { defineScalarTag, dump, DUMP_SCHEMA } from "js-yaml";

import type { ConfigValue } from "../sensu/config-entry";

/**
 * A value from the plan, written with Ansible's `!unsafe` tag: Ansible templates every string in a
 * vars file, so a `{{` in a name or URL would run as Jinja. Tagged, it stays the text it is.
 */
export class Unsafe {
  constructor(readonly text: string) {}
}

const unsafeTag = defineScalarTag("!unsafe", {
  identify: (data) => data instanceof Unsafe,
  represent: (data: Unsafe) => data.text,
  resolve: (source) => new Unsafe(source),
});

/** Reads `!unsafe` back as the text it holds, for tests and for checking what was written. */
export const ANSIBLE_SCHEMA = DUMP_SCHEMA.withTags(unsafeTag);

/** A setting's value as Ansible must receive it: every string from the plan tagged, booleans as they are. */
export function unsafeValue(value: ConfigValue): Unsafe | Unsafe[] | boolean {
  if (typeof value === "boolean") return value;
  return Array.isArray(value) ? value.map((v) => new Unsafe(v)) : new Unsafe(value);
}

/** A vars or inventory file: a commented header, then the data; plain strings double-quoted. */
export function ansibleYaml(header: readonly string[], data: unknown): string {
  const body = dump(data, {
    schema: ANSIBLE_SCHEMA,
    forceQuotes: true,
    quoteStyle: "double",
    lineWidth: -1,
    noRefs: true,
    sortKeys: false,
  });
  return `${header.map((line) => `# ${line}`.trimEnd()).join("\n")}\n---\n${body}`;
}
