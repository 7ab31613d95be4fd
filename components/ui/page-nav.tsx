/** Previous / Next for a paged list, with the position read out when it changes. */
export function PageNav({
  label,
  page,
  pages,
  status,
  onPage,
}: {
  /** Names the navigation landmark, e.g. "Certificate pages". */
  label: string;
  page: number;
  pages: number;
  /** "Showing 1–25 of 1,005 (page 1 of 41)", or why nothing shows. */
  status: string;
  onPage: (page: number) => void;
}) {
  const button = "rounded-md border border-slate-300 px-2 py-1 disabled:opacity-50";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page === 0} className={button}>
        Previous page
      </button>
      <span aria-live="polite">{status}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages - 1} className={button}>
        Next page
      </button>
    </nav>
  );
}
