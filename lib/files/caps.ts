/**
 * How much of a user's files the wizard reads. A bundle for 7 backends and 1,000 agents is about
 * 6 MB zipped, 14 MB unpacked and 6,000 files; a certificate, key or plan file is a few kilobytes.
 */

/**
 * The most read from one file, loaded or unpacked from a zip: three times the largest bundle, and
 * still a moment's work for the page.
 */
export const MAX_FILE_BYTES = 20_000_000;

/**
 * The most one load holds in memory, files as loaded plus what their zips unpack to: a bundle at
 * the file cap with its certificates unpacked fits.
 */
export const MAX_LOAD_BYTES = 50_000_000;

/**
 * The most files a zip may list: a bundle for 10,000 agents (five files each), under the 65,535 a zip
 * without ZIP64 records can count.
 * The directory is counted before any of it is read, and the byte caps above still bound what is
 * unpacked, so a zip of many tiny entries costs only the directory walk.
 */
export const MAX_ZIP_ENTRIES = 65_000;

export const megabytes = (bytes: number) => `${Math.round(bytes / 1_000_000)} MB`;

/**
 * What is left of one load's MAX_LOAD_BYTES. The first file that does not fit spends it: nothing
 * after it is read either, so a load is cut at one place rather than full of holes.
 */
export function loadBudget(): { take: (bytes: number) => boolean } {
  let left = MAX_LOAD_BYTES;
  let spent = false;
  return {
    take(bytes) {
      if (spent || bytes > left) {
        spent = true;
        return false;
      }
      left -= bytes;
      return true;
    },
  };
}

/**
 * The most a multi-line field takes, pasted or loaded into it (a PEM, asset definitions,
 * certificates to read). Chromium lays out a textarea's text in one task: measured on this
 * project's 2-core machine, ~125 ms for 64 kB, ~350 ms for 256 kB and 1.5 s for 1 MB, and a
 * 10 MB paste froze the page for 12–19 s. A certificate is about 1.5 kB, a key or an asset
 * definition a few: a whole bundle's certificates are loaded as its zip, not pasted.
 */
export const MAX_PASTED_TEXT = 64_000;

/**
 * Chromium hands the page a paste's text in one synchronous read, whoever asks (the wizard's paste
 * guard or Chromium's own paste): ~60 ns a character on this project's machine, 0.5–0.8 s for
 * 10 MB, with no way to learn the size first. The guard measures it under this name, so a test
 * can tell that read from the page's own work.
 */
export const CLIPBOARD_READ_MEASURE = "sensu-clipboard-read";

/** The most a one-line field takes: a path, a URL, a list of host names. */
export const MAX_LINE_TEXT = 4_000;

const count = (n: number) => n.toLocaleString("en-US");

/** Why a paste was refused: the length the field would have, the field's cap, and what to do instead. */
export function tooLongToPaste(length: number, max: number, instead: string): string {
  return `With the pasted text this field would hold ${count(length)} characters, more than the ${count(max)} it takes, so nothing was pasted. ${instead}`;
}

/** Why loaded text was not put into a field: what was loaded, its length and the field's cap. */
export function tooLongForField(what: string, length: number, max: number, instead: string): string {
  return `${what}: ${count(length)} characters of text, more than the ${count(max)} this field takes, so nothing was loaded. Load ${instead}.`;
}
