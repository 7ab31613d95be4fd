import { splitList } from "../pki/names";
import type { FieldIssue } from "../plan/issues";
import type { ResolvedRevocation } from "../plan/resolved-plan";
import { hasRevocationCheck } from "../sensu/revocation-check-key";
import type { WizardInput } from "./model";
import { parseWholeNumber } from "./numbers";
import { keepsAgentCa } from "./parse-ca";
import type { StepParse } from "./step-parse";

export interface RevocationValue {
  /** enable-cert-revocation-check, only where the chosen release has the setting. */
  check?: boolean;
  /** A CRL to sign and where it is served, once a valid CRL URL is given. */
  crl?: ResolvedRevocation;
}

/** RFC 5280 serials are at most 20 octets; written as hex, with or without colons. */
const SERIAL = /^(?:[0-9A-Fa-f]{2}:)*[0-9A-Fa-f]{1,2}$|^[0-9A-Fa-f]{1,40}$/;

function revokedSerials(input: WizardInput): string[] {
  return splitList(input.revocation.revoke);
}

function urlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a URL: write it whole, for example http://pki.example.com/agent-ca.crl.`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return "Use an http:// or https:// URL: Sensu fetches CRLs over HTTP.";
  if (/[\s"'\\]/.test(text)) return "The URL may not contain spaces, quotes or backslashes.";
  // The URL goes into certificates as an IA5String (ASCII only) and into YAML and Markdown as it is
  // typed: only the characters RFC 3986 allows in a URI, anything else percent-encoded.
  const odd = /[^A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]/.exec(text);
  if (odd)
    return `"${odd[0]}" may not stand in a URL as it is: percent-encode it (${[...new TextEncoder().encode(odd[0])].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("")}).`;
  return null;
}

export function parseRevocation(input: WizardInput): StepParse<RevocationValue> {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const r = input.revocation;
  const serials = revokedSerials(input);
  const url = r.crlUrl.trim();
  for (const s of serials) {
    const hex = s.replace(/:/g, "");
    if (!SERIAL.test(s) || hex.length > 40)
      errors.push({
        field: "revocation.revoke",
        message: `"${s}" is not a serial number: hex digits, at most 20 bytes, as openssl x509 -noout -serial prints it.`,
      });
  }
  if (serials.length > 0) {
    if (input.ca.source !== "existing")
      errors.push({
        field: "revocation.revoke",
        message:
          "Revoking needs the CA that issued those certificates: choose “Use an existing CA” on Create a CA and load it.",
      });
    if (input.plan.caLayout === "separate" && r.crlIssuer === "agent-ca" && !keepsAgentCa(input)) {
      errors.push({
        field: "revocation.crlIssuer",
        message: "Load your agent CA on Create a CA to sign its revocation list.",
      });
    }
    if (url === "")
      errors.push({
        field: "revocation.crlUrl",
        message: "Enter the URL where you will publish the list: backends fetch it from there (agent-auth-crl-urls).",
      });
  }
  if (url !== "") {
    const problem = urlProblem(url);
    if (problem) errors.push({ field: "revocation.crlUrl", message: problem });
    else if (!input.mtls.enabled)
      warnings.push({
        field: "revocation.crlUrl",
        message: "Agent mTLS is off, so backends check no agent certificates against this list.",
      });
  }
  const days = parseWholeNumber(r.nextUpdateDays, "days until the next update", 1, 365);
  if (!days.ok) errors.push({ field: "revocation.nextUpdateDays", message: days.message });
  if (r.cdpInNewCerts && url === "")
    errors.push({
      field: "revocation.cdpInNewCerts",
      message:
        "A distribution point needs the URL above; without one, leave this off (a URL nothing serves breaks mTLS).",
    });
  const crl =
    url !== "" && days.ok
      ? {
          issuer: input.plan.caLayout === "single" ? ("ca" as const) : r.crlIssuer,
          serials,
          crlUrl: url,
          nextUpdateDays: days.value,
          cdp: r.cdpInNewCerts,
        }
      : undefined;
  const check = hasRevocationCheck(input.plan.sensuVersion) ? r.check === "on" : undefined;
  return { value: { check, crl }, errors, warnings };
}
