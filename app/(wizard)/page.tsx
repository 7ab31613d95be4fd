import Link from "next/link";

import { Notice } from "@/components/ui/notice";

export default function Home() {
  return (
    <article className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-950">Secure your Sensu Go deployment</h1>
      <p className="text-lg text-slate-700">
        This wizard walks you through Sensu's “Generate certificates” and “Secure Sensu” guides. Describe your backends
        and agents; it issues the CA, backend and agent certificates in this browser and hands you one zip with a folder
        per host: certificates, the backend.yml and agent.yml settings that use them, sudo rules for runtime assets,
        expiry checks and an install script, with a README.
      </p>
      <ul className="list-disc pl-5 text-slate-700">
        <li>No cfssl, no copying PEMs around by hand: every name, key usage and file name is checked as you type.</li>
        <li>
          Fixes what the guides get wrong: the CN is always a SAN, localhost and every IP are included, the CA key never
          goes to a host.
        </li>
        <li>
          Private keys are generated with WebCrypto in this tab. Nothing is uploaded or stored; close the tab and they
          are gone.
        </li>
      </ul>
      <Notice title="Before you start">
        <p>
          Have at hand: the host name, fully qualified name and IP addresses of each backend, and a name for each agent
          certificate.
        </p>
      </Notice>
      <div>
        <Link
          href="/plan"
          className="inline-flex rounded-md bg-sky-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-sky-800"
        >
          Start: Plan →
        </Link>
      </div>
    </article>
  );
}
