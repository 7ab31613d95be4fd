import Link from "next/link";

// Next's default 404 page uses inline styles, which the CSP (style-src 'self') blocks.
export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-bold text-slate-950">Page not found</h1>
      <p className="text-slate-700">There is no step at this address.</p>
      <Link href="/" className="font-semibold text-sky-800 underline">
        Back to the start
      </Link>
    </main>
  );
}
