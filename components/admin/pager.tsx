import Link from 'next/link';

/** Previous/next links that keep the current filters. */
export function Pager({
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
  const href = (p: number) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) sp.set(k, v);
    sp.set('page', String(p));
    return `${basePath}?${sp.toString()}`;
  };
  const link =
    'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50';
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
          <Link href={href(page - 1)} className={link} rel="prev">
            Previous
          </Link>
        )}
        {page < pages && (
          <Link href={href(page + 1)} className={link} rel="next">
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}
