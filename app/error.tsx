"use client";
import { Button } from "@/components/ui/button";

/**
 * A bug in the wizard (lib throws only for programmer errors) ends here instead of a blank page. The
 * inputs are in sessionStorage, so trying again loses nothing but keys, which are never stored.
 */
export default function WizardError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <main role="alert" className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-bold text-slate-950">The wizard hit a bug</h1>
      <p className="text-slate-700">
        Your inputs are kept in this tab. Loaded CA keys and generated keys are in memory only: load them again after
        trying again. If it happens again, report what you did and this message: {error.message}
      </p>
      <div>
        <Button onClick={reset}>Try again</Button>
      </div>
    </main>
  );
}
