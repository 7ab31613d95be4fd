import { dnsNameProblem, MAX_COMMON_NAME, parseSan, type San, sanKey, splitList } from "../pki/names";
import { reservedStemProblem } from "../plan/file-names";
import type { FieldIssue } from "../plan/issues";
import { type LeafValidity, leafValidity } from "./leaf-validity";
import { type BackendRow, MAX_BACKENDS, type WizardInput } from "./model";
import { constrainBackendRow, type IssuerConstraints } from "./name-constraint-checks";
import type { CaValue } from "./parse-ca";
import type { ParseContext, StepParse } from "./step-parse";

/** One backend row, parsed: its SANs (CN first) and the problems of its own fields. */
export interface ParsedBackendRow {
  row: BackendRow;
  sans: San[];
  errors: FieldIssue[];
  /** The first IP address: the etcd member's peer and client address in a cluster. */
  ip: string | undefined;
}

export interface BackendsValue {
  rows: ParsedBackendRow[];
  validity: LeafValidity;
}

const LOCAL_SANS: San[] = [
  { kind: "dns", value: "localhost" },
  { kind: "ip", value: "127.0.0.1" },
  { kind: "ip", value: "::1" },
];

export const backendField = (row: BackendRow, key: keyof Omit<BackendRow, "id">): string =>
  `backends.rows.${row.id}.${key}`;

/** Every SAN of one backend, CN first, duplicates dropped; or the issues that prevent it. */
function parseRow(row: BackendRow): ParsedBackendRow {
  const errors: FieldIssue[] = [];
  const sans: San[] = [];
  const seen = new Set<string>();
  const add = (san: San) => {
    const key = sanKey(san);
    if (!seen.has(key)) {
      seen.add(key);
      sans.push(san);
    }
  };
  const fqdn = row.fqdn.trim();
  const fqdnProblem = fqdn === "" ? "Enter the fully qualified domain name." : dnsNameProblem(fqdn);
  if (fqdnProblem)
    errors.push({
      field: backendField(row, "fqdn"),
      message: fqdn === "" ? fqdnProblem : `"${fqdn}" is not a valid host name: ${fqdnProblem}.`,
    });
  else if (fqdn.length > MAX_COMMON_NAME)
    errors.push({
      field: backendField(row, "fqdn"),
      message: `The FQDN becomes the certificate's CN, which X.509 limits to ${MAX_COMMON_NAME} characters; this one has ${fqdn.length}.`,
    });
  else {
    const reserved = reservedStemProblem(fqdn);
    if (reserved) errors.push({ field: backendField(row, "fqdn"), message: `${reserved}. Use the host's full name.` });
    add({ kind: "dns", value: fqdn });
  }

  const name = row.name.trim();
  if (name === "")
    errors.push({ field: backendField(row, "name"), message: "Enter the unqualified name (for example backend-1)." });
  else if (name.includes("."))
    errors.push({
      field: backendField(row, "name"),
      message: "The unqualified name has no dots; put the full name in FQDN.",
    });
  else {
    const problem = dnsNameProblem(name);
    if (problem)
      errors.push({ field: backendField(row, "name"), message: `"${name}" is not a valid host name: ${problem}.` });
    else add({ kind: "dns", value: name });
  }

  for (const entry of splitList(row.ips)) {
    const parsed = parseSan(entry);
    if (!parsed.ok) errors.push({ field: backendField(row, "ips"), message: parsed.message });
    else if (parsed.san.kind !== "ip")
      errors.push({
        field: backendField(row, "ips"),
        message: `"${entry}" is a host name, not an IP address: put it under Additional names.`,
      });
    else add(parsed.san);
  }
  for (const entry of splitList(row.extraNames)) {
    const parsed = parseSan(entry);
    if (!parsed.ok) errors.push({ field: backendField(row, "extraNames"), message: parsed.message });
    else add(parsed.san);
  }
  return { row, sans, errors, ip: firstIp(row) };
}

function firstIp(row: BackendRow): string | undefined {
  const [first] = splitList(row.ips);
  const parsed = first === undefined ? undefined : parseSan(first);
  return parsed?.ok ? parsed.san.value : undefined;
}

/** A parsed row under its CA's name constraints: refused names join the row's errors. */
function withConstraints(
  parsed: ParsedBackendRow,
  constraints: IssuerConstraints,
  warnings: FieldIssue[],
): ParsedBackendRow {
  if (constraints.length === 0) return parsed;
  const { row } = parsed;
  const c = constrainBackendRow(row, parsed.sans, constraints);
  warnings.push(...c.warnings.map((w) => ({ field: backendField(row, w.field), message: w.message })));
  const errors = c.errors.map((e) => ({ field: backendField(row, e.field), message: e.message }));
  return { ...parsed, sans: c.sans, errors: [...parsed.errors, ...errors] };
}

function duplicates(
  rows: readonly BackendRow[],
  key: (row: BackendRow) => string[],
  field: keyof Omit<BackendRow, "id">,
  what: string,
): FieldIssue[] {
  const owner = new Map<string, BackendRow>();
  const issues: FieldIssue[] = [];
  for (const row of rows) {
    for (const k of new Set(key(row))) {
      const first = owner.get(k);
      if (first)
        issues.push({
          field: backendField(row, field),
          message: `${what} ${k.replace(/^(dns|ip):/, "")} is already used by ${first.name || "another backend"}.`,
        });
      else owner.set(k, row);
    }
  }
  return issues;
}

export function parseBackends(input: WizardInput, ctx: ParseContext, ca: CaValue): StepParse<BackendsValue> {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const rows = input.backends.rows;
  if (rows.length === 0)
    errors.push({ field: "backends.rows", message: "A Sensu deployment needs at least one backend." });
  if (rows.length > MAX_BACKENDS)
    errors.push({ field: "backends.rows", message: `At most ${MAX_BACKENDS} backends are supported.` });
  const cluster = rows.length > 1;
  const parsed = rows.map((row) => withConstraints(parseRow(row), ca.nameConstraints.backend, warnings));
  for (const { row, sans, errors: rowErrors } of parsed) {
    errors.push(...rowErrors);
    const ipsBroken = rowErrors.some((e) => e.field === backendField(row, "ips"));
    if (cluster && splitList(row.ips).length === 0 && !ipsBroken) {
      errors.push({
        field: backendField(row, "ips"),
        message:
          "A cluster member needs its IP address: etcd checks a connecting peer's address against the IP SANs of its certificate.",
      });
    }
    const keys = new Set(sans.map(sanKey));
    const missing = LOCAL_SANS.filter((san) => !keys.has(sanKey(san))).map((san) => san.value);
    if (missing.length > 0 && !rowErrors.some((e) => e.field === backendField(row, "extraNames"))) {
      warnings.push({
        field: backendField(row, "extraNames"),
        message: `Without ${missing.join(", ")}: the embedded etcd dials its own client URL (localhost by default) with this certificate and checks these names.`,
      });
    }
  }
  errors.push(
    ...duplicates(rows, (r) => (r.name.trim() ? [`dns:${r.name.trim().toLowerCase()}`] : []), "name", "The name"),
  );
  errors.push(
    ...duplicates(rows, (r) => (r.fqdn.trim() ? [`dns:${r.fqdn.trim().toLowerCase()}`] : []), "fqdn", "The FQDN"),
  );
  errors.push(
    ...duplicates(
      rows,
      (r) =>
        splitList(r.ips).flatMap((e) => {
          const p = parseSan(e);
          return p.ok && p.san.kind === "ip" ? [sanKey(p.san)] : [];
        }),
      "ips",
      "The address",
    ),
  );
  const caName = input.ca.commonName.trim().toLowerCase();
  for (const row of rows) {
    if (row.fqdn.trim().toLowerCase() === caName)
      errors.push({ field: backendField(row, "fqdn"), message: "A backend cannot have the same name as the CA." });
  }
  const validity = leafValidity(input.backends.validityHours, input, ctx.now, ca, "backend");
  if (!validity.ok) errors.push({ field: "backends.validityHours", message: validity.message });
  else if (validity.notice) warnings.push({ field: "backends.validityHours", message: validity.notice });
  return { value: { rows: parsed, validity }, errors: dedupe(errors), warnings };
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
