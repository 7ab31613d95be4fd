import { MAX_LOAD_BYTES, MAX_PASTED_TEXT, tooLongForField } from "../files/caps";
import {
  type LoadedFile,
  type ReadOptions,
  type ReadProgressListener,
  readTexts,
  type Texts,
} from "../files/read-files";

/**
 * Every place the wizard reads a user's files, by name, so the reading Worker can be told which
 * one it serves (functions cannot be posted to it). Each says what to load instead, which zip
 * entries it wants, and how much text it may hand back: text bound for a field or for the parse
 * that runs on every change is held to what the page can take in one task.
 */
export type ReadPurpose =
  "pem" | "plan-file" | "asset-definitions" | "corporate-files" | "revoke-certificates" | "agent-list";

interface Purpose {
  options: ReadOptions;
  /** The most text, in characters, one load may hand back; past it nothing is. */
  maxText: number;
}

export const READ_PURPOSES: Record<ReadPurpose, Purpose> = {
  // The text goes into the field, where Chromium lays it out in one task.
  pem: { options: { instead: "the PEM file, whose text starts with -----BEGIN" }, maxText: MAX_PASTED_TEXT },
  // Parsed on the page: a plan for 7 backends and 1,000 agents is about 60 kB.
  "plan-file": { options: { instead: "the sensu-tls-plan.json from an earlier bundle" }, maxText: 1_000_000 },
  // Parsed as YAML on every change of the wizard's input: definitions are a few kilobytes each.
  "asset-definitions": {
    options: { instead: "the definitions as .yml or .json files, or paste them above" },
    maxText: 4 * MAX_PASTED_TEXT,
  },
  // A step-1 zip gives its csr/ files (keys and requests); PEM files are taken as they are.
  "corporate-files": {
    options: {
      instead: "the keys-and-CSRs zip made in step 1 and the signed certificates (.pem, .crt or .cer)",
      unzip: true,
      entries: (path) => path.startsWith("csr/") && /\.(pem|crt|cer|csr)$/i.test(path),
    },
    maxText: MAX_LOAD_BYTES,
  },
  // Read on the page and shown in the list's field: 1,000 names are about 20 kB.
  "agent-list": {
    options: { instead: "a .txt or .csv file with one agent name per line" },
    maxText: MAX_PASTED_TEXT,
  },
  "revoke-certificates": {
    options: { instead: "the certificates to revoke as PEM files" },
    maxText: MAX_PASTED_TEXT,
  },
};

/** The purpose's files read as texts, within the caps of lib/files and the purpose's own. */
export function readForPurpose(
  files: readonly LoadedFile[],
  purpose: ReadPurpose,
  progress?: ReadProgressListener,
): Texts {
  const { options, maxText } = READ_PURPOSES[purpose];
  const read = readTexts(files, options, progress);
  const total = read.texts.reduce((sum, t) => sum + t.text.length, 0);
  if (total <= maxText) return read;
  const name = read.texts.length === 1 ? (read.texts[0]?.name ?? "the file") : `${read.texts.length} files together`;
  return {
    texts: [],
    skipped: read.skipped,
    problems: [
      ...read.problems,
      { name, cause: "load-too-big", reason: tooLongForField(name, total, maxText, options.instead) },
    ],
  };
}
