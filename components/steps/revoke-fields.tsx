import { useState } from "react";

import { MAX_PASTED_TEXT } from "@/lib/files/caps";
import type { Texts } from "@/lib/files/read-files";
import { readSerials } from "@/lib/pki/certificate-ders";
import { issuesFor } from "@/lib/plan/issues";
import { patchRevocation } from "@/lib/wizard/update";

import { ReadFileInput } from "../files/read-file-input";
import { Checkbox } from "../ui/checkbox";
import { ChoiceGroup } from "../ui/choice-group";
import { Field, inputClass } from "../ui/field";
import { usePasteGuard } from "../ui/paste-guard";
import { TextField } from "../ui/text-field";
import type { StepFormProps } from "./step-form-props";

/** Serials to revoke (typed, or read from certificate files), the signing CA, and where the list is served. */
export function RevokeFields({ input, onChange, check }: StepFormProps) {
  const r = input.revocation;
  const [added, setAdded] = useState<string[]>([]);
  const paste = usePasteGuard(MAX_PASTED_TEXT, "Load the certificates to revoke as files instead (below).");
  const at = (field: string) => ({
    errors: issuesFor(check.errors, `revocation.${field}`),
    warnings: issuesFor(check.warnings, `revocation.${field}`),
  });
  const load = ({ texts }: Texts) => {
    const messages: string[] = [];
    const serials: string[] = [];
    const read: string[] = [];
    for (const file of texts) {
      const certs = readSerials(file.text, file.name);
      if (!certs.ok) messages.push(certs.message);
      else
        for (const c of certs.value) {
          serials.push(c.serial);
          read.push(`${c.subject} (serial ${c.serial}, from ${file.name})`);
        }
    }
    setAdded(read);
    if (serials.length > 0)
      onChange((i) =>
        patchRevocation(i, { revoke: [i.revocation.revoke.trim(), ...serials].filter(Boolean).join("\n") }),
      );
    return messages;
  };
  return (
    <section aria-labelledby="revoke-heading" className="flex flex-col gap-4">
      <h2 id="revoke-heading" className="text-lg font-semibold">
        Revoke certificates
      </h2>
      <p className="text-sm text-slate-700">
        The wizard signs a revocation list (CRL) with the CA that issued the certificates — load it on Create a CA — and
        backends fetch it from the URL you give (agent-auth-crl-urls). Publish the bundle&apos;s .crl file there before
        restarting them, and again before its next update.
      </p>
      <Field
        id="revocation.revoke"
        label="Serial numbers to revoke"
        hint="Hex, one per line, as openssl x509 -noout -serial prints them. Empty: an empty list to publish."
        errors={paste.refused ? [paste.refused, ...at("revoke").errors] : at("revoke").errors}
        warnings={at("revoke").warnings}
      >
        {(describedBy, invalid) => (
          <textarea
            id="revocation.revoke"
            rows={3}
            spellCheck={false}
            value={r.revoke}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            {...paste.guard}
            onChange={(e) => {
              paste.clear();
              const revoke = e.target.value;
              onChange((i) => patchRevocation(i, { revoke }));
            }}
            className={`${inputClass(invalid)} font-mono text-xs`}
          />
        )}
      </Field>
      <div className="flex flex-col gap-1">
        <ReadFileInput
          id="revocation.files"
          label="Or load the certificates to revoke (PEM)"
          accept=".pem,.crt,.cer"
          multiple
          purpose="revoke-certificates"
          onRead={load}
        />
        <div aria-live="polite" className="text-sm">
          {added.length > 0 && <p className="text-slate-700">Added: {added.join("; ")}</p>}
        </div>
      </div>
      {input.plan.caLayout === "separate" && (
        <ChoiceGroup
          name="crl-issuer"
          legend="Certificates issued by"
          value={r.crlIssuer}
          columns={2}
          onChange={(crlIssuer) => onChange((i) => patchRevocation(i, { crlIssuer }))}
          errors={issuesFor(check.errors, "revocation.crlIssuer")}
          choices={[
            {
              value: "agent-ca",
              label: "The agent CA (agent certificates)",
              description: "Writes agent-ca.crl. This is what backends check agent mTLS against.",
            },
            {
              value: "ca",
              label: "The CA (backend certificates)",
              description: "Writes ca.crl, for backend and web UI certificates.",
            },
          ]}
        />
      )}
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id="revocation.crlUrl"
          label="URL the list is served at"
          mono
          placeholder="http://pki.example.com/agent-ca.crl"
          value={r.crlUrl}
          onChange={(crlUrl) => onChange((i) => patchRevocation(i, { crlUrl }))}
          {...at("crlUrl")}
          hint="Written to agent-auth-crl-urls on every backend."
        />
        <TextField
          id="revocation.nextUpdateDays"
          label="Next update in"
          suffix="days"
          inputMode="numeric"
          value={r.nextUpdateDays}
          onChange={(nextUpdateDays) => onChange((i) => patchRevocation(i, { nextUpdateDays }))}
          {...at("nextUpdateDays")}
          hint="Clients refuse the list after this; publish a new one before."
        />
      </div>
      <Checkbox
        id="revocation.cdpInNewCerts"
        label="Name this URL in the certificates issued now (CRL distribution point)"
        checked={r.cdpInNewCerts}
        onChange={(cdpInNewCerts) => onChange((i) => patchRevocation(i, { cdpInNewCerts }))}
        description="Only if the URL will always answer: Sensu then checks it on every agent and etcd connection, and a URL nothing serves breaks mTLS (sensu/sensu-go#4472)."
        errors={issuesFor(check.errors, "revocation.cdpInNewCerts")}
      />
    </section>
  );
}
