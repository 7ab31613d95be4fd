// The plan file's kind and version, apart from plan-file.ts so the input-shape check (on every page)
// does not load js-yaml, which only writing the file needs.
export const PLAN_FILE_KIND = "sensu-tls-wizard-plan";
export const PLAN_FILE_VERSION = 1;
