import Link from 'next/link';

// 44 px tall on phones (tap targets), compact from the sm breakpoint.
const linkClass =
  'inline-flex items-center rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 max-sm:min-h-11';

/** The href of page `page` of `basePath`, keeping the other (non-empty) search params. */
export function pageHref(
  basePath: string,
  params: Record<string, string | undefined>,
  page: number,
): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) sp.set(k, v);
  sp.set('page', String(page));
  return `${basePath}?${sp.toString()}`;
}

/** Previous/next links for a server-rendered list that keep the current filters. */
export function Pagination({
  basePath,
  params,
  page,
  limit,
  total,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  limit: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav
      aria-label="Pagination"
      className="flex items-center justify-between gap-4 text-sm text-slate-700"
    >
      <p>
        Page {Math.min(page, pages)} of {pages} · {total} {total === 1 ? 'result' : 'results'}
      </p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link href={pageHref(basePath, params, page - 1)} className={linkClass} rel="prev">
            Previous
          </Link>
        )}
        {page < pages && (
          <Link href={pageHref(basePath, params, page + 1)} className={linkClass} rel="next">
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}
