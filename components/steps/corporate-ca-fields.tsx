import type { Texts } from "@/lib/files/read-files";
import { issuesFor } from "@/lib/plan/issues";
import { patchCorporate } from "@/lib/wizard/update";

import { ReadFileInput } from "../files/read-file-input";
import { PemField } from "./pem-field";
import type { StepFormProps } from "./step-form-props";

/** Step 2 of the corporate mode, and the CA certificates hosts trust (needed in both steps). */
export function CorporateCaFields({ input, onChange, check, state }: StepFormProps) {
  const c = input.ca.corporate;
  const load = ({ texts: read }: Texts) => {
    if (read.length === 0) return;
    onChange((i) =>
      patchCorporate(i, {
        files: [...i.ca.corporate.files.filter((f) => !read.some((r) => r.name === f.name)), ...read],
      }),
    );
  };
  const stems = state.steps.ca.value.stems ?? [];
  const errors = issuesFor(check.errors, "ca.corporate.files");
  return (
    <section aria-labelledby="corporate-heading" className="flex flex-col gap-4">
      <h2 id="corporate-heading" className="text-lg font-semibold">
        Your organization&apos;s CA
      </h2>
      <ol className="list-decimal pl-5 text-sm text-slate-700">
        <li>
          Give the CA certificate hosts should trust, then download the keys and certificate requests (Review and
          download). Send only the .csr files to your CA.
        </li>
        <li>
          Come back with that zip and the signed certificates: the wizard checks each against its key and request, puts
          the chain in order, and builds the host bundles.
        </li>
      </ol>
      <div className="grid gap-6 lg:grid-cols-2">
        <PemField
          id="ca.corporate.caPem"
          label="CA certificate hosts trust"
          hint="trusted-ca-file and etcd's: best the CA that issues Sensu's backend certificates only, not the company root — etcd accepts any client certificate this CA vouches for."
          value={c.caPem}
          onChange={(caPem) => onChange((i) => patchCorporate(i, { caPem }))}
          errors={issuesFor(check.errors, "ca.corporate.caPem")}
        />
        {input.plan.caLayout === "separate" && (
          <PemField
            id="ca.corporate.agentCaPem"
            label="CA certificate that verifies agents"
            hint="agent-auth-trusted-ca-file: the CA that issues agent certificates, which etcd must not trust."
            value={c.agentCaPem}
            onChange={(agentCaPem) => onChange((i) => patchCorporate(i, { agentCaPem }))}
            errors={issuesFor(check.errors, "ca.corporate.agentCaPem")}
          />
        )}
      </div>
      <div className="flex flex-col gap-2">
        <ReadFileInput
          id="ca.corporate.files"
          purpose="corporate-files"
          label="Step 2: load the keys-and-CSRs zip and the signed certificates"
          hint="The private keys stay in this tab's memory and are never saved; after a reload, load the zip again."
          accept=".zip,.pem,.crt,.cer"
          multiple
          errors={errors}
          onRead={load}
        />
        {c.files.length > 0 && (
          <>
            <ul aria-label="Certificates for the plan" className="flex flex-col gap-1 text-sm">
              {stems.map((s) => {
                const leaf = state.steps.ca.value.corporateCheck?.leaves[s.stem];
                return (
                  <li key={s.stem}>
                    <span className="font-mono text-xs">{s.commonName}</span>:{" "}
                    {leaf === undefined
                      ? "checking…"
                      : leaf.ok
                        ? "✓ signed certificate matches its key and request"
                        : "✗ see above"}
                  </li>
                );
              })}
            </ul>
            <button
              type="button"
              className="self-start text-sm underline"
              onClick={() => onChange((i) => patchCorporate(i, { files: [] }))}
            >
              Forget the loaded files
            </button>
          </>
        )}
      </div>
    </section>
  );
}
