export type FileKind =
  "private-key" | "ca-private-key" | "certificate" | "csr" | "config" | "script" | "secret" | "document";

/** Where a file goes and what it is for: known from the plan alone, before anything is generated. */
export interface PlannedEntry {
  /** Path inside the zip. */
  path: string;
  /** Unix mode recorded in the zip. */
  mode: number;
  kind: FileKind;
  /** What the file is, in one line. */
  purpose: string;
  /** Which host (or "offline") the file belongs to. */
  host: string;
  /** Absolute destination on that host, when it is installed. */
  installTo?: string;
}

/** One file of the bundle. The file table, the zip, the README and the download test all read these. */
export interface ManifestEntry extends PlannedEntry {
  content: string;
}

/**
 * A planned file and how to write it once its material exists (issued PEMs, made CSRs). Laying out
 * first keeps one source for paths: the review table shows the layout, the zip fills it in.
 */
export interface LayoutEntry<Fill> extends PlannedEntry {
  content: (fill: Fill) => string;
}

export function fillEntry<Fill>(e: LayoutEntry<Fill>, fill: Fill): ManifestEntry {
  return {
    path: e.path,
    mode: e.mode,
    kind: e.kind,
    content: e.content(fill),
    purpose: e.purpose,
    host: e.host,
    ...(e.installTo === undefined ? {} : { installTo: e.installTo }),
  };
}

/** Private keys and secrets 0600 (owner only), scripts 0755, everything else 0644. install.sh tightens keys to 0400. */
export const KEY_MODE = 0o600;
export const PUBLIC_MODE = 0o644;
export const SCRIPT_MODE = 0o755;

export const OFFLINE_HOST = "offline";
export const OPERATOR_HOST = "operator";
export const SUDO_HOST = "agents that run privileged checks";
