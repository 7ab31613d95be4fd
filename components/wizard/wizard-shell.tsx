import Link from "next/link";
import type { ReactNode } from "react";

import { PendingBundleNotice } from "./pending-bundle-notice";
import { SecureContextNotice } from "./secure-context-notice";
import { StepNav } from "./step-nav";
import { WizardProvider } from "./wizard-provider";

export function WizardShell({ children }: { children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to the step
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/" className="text-lg font-bold tracking-tight text-slate-950">
            Sensu TLS Wizard
          </Link>
          <p className="text-sm text-slate-600">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="mr-1.5 inline h-4 w-4 fill-emerald-700 align-[-2px]">
              <path d="M10 1a5 5 0 0 0-5 5v3H4a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-8a1 1 0 0 0-1-1h-1V6a5 5 0 0 0-5-5Zm-3 8V6a3 3 0 1 1 6 0v3H7Z" />
            </svg>
            Keys are made in this browser and never leave it.
          </p>
        </div>
      </header>
      <SecureContextNotice />
      <WizardProvider>
        <div className="mx-auto flex max-w-7xl flex-col gap-8 px-4 py-8 lg:flex-row">
          <StepNav />
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
            <PendingBundleNotice />
            {children}
          </main>
        </div>
      </WizardProvider>
    </>
  );
}
