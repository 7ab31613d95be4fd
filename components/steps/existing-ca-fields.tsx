import { AGENT_CA_STEM, CA_STEM, cfsslNames } from "@/lib/plan/file-names";
import { issuesFor } from "@/lib/plan/issues";
import { existingField } from "@/lib/wizard/parse-ca";
import { patchExistingCa } from "@/lib/wizard/update";

import { PemField } from "./pem-field";
import type { StepFormProps } from "./step-form-props";

/** Certificate and key of a CA the user already has; the key is kept in memory only. */
export function ExistingCaFields({
  which,
  input,
  onChange,
  check,
}: StepFormProps & { which: "existing" | "agentExisting" }) {
  const e = input.ca[which];
  const name = which === "existing" ? "CA" : "agent CA";
  const names = cfsslNames(which === "existing" ? CA_STEM : AGENT_CA_STEM);
  const files = [names.cert, names.key];
  const at = (part: "certPem" | "keyPem") => ({
    errors: issuesFor(check.errors, existingField(which, part)),
    warnings: issuesFor(check.warnings, existingField(which, part)),
  });
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <PemField
        id={existingField(which, "certPem")}
        label={`${name === "CA" ? "CA" : "Agent CA"} certificate`}
        hint={`${files[0]} from your earlier bundle's ca/ folder, or your own CA's certificate.`}
        value={e.certPem}
        onChange={(certPem) => onChange((i) => patchExistingCa(i, which, { certPem }))}
        {...at("certPem")}
      />
      <PemField
        id={existingField(which, "keyPem")}
        label={`${name === "CA" ? "CA" : "Agent CA"} private key`}
        hint={`${files[1]}: PKCS#8, PKCS#1 (RSA PRIVATE KEY) or SEC1 (EC PRIVATE KEY). Kept in this tab's memory only, never saved or sent.`}
        value={e.keyPem}
        onChange={(keyPem) => onChange((i) => patchExistingCa(i, which, { keyPem }))}
        {...at("keyPem")}
      />
    </div>
  );
}
