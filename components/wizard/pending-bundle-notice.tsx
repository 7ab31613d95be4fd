"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

import { useWizard } from "./wizard-provider";

/** While a generated bundle waits undownloaded, every other step says that editing discards it. */
export function PendingBundleNotice() {
  const { generator } = useWizard();
  const pathname = usePathname();
  const g = generator.generation;
  if (g.status !== "done" || g.downloaded || pathname.startsWith("/download")) return null;
  return (
    <p role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      A generated bundle has not been downloaded yet. Changing any input discards it and its keys.{" "}
      <Link href="/download" className="font-semibold underline">
        Download it first
      </Link>
    </p>
  );
}
