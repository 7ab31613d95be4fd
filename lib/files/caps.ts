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

/** The most files a zip may list: a bundle for 1,500 agents. The directory is counted before any of it is read. */
export const MAX_ZIP_ENTRIES = 10_000;

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
