import Link from 'next/link';

const LINKS = [
  { href: '/pricing', label: 'Pricing' },
  { href: '/docs', label: 'API docs' },
  { href: '/privacy', label: 'Privacy' },
  { href: '/terms', label: 'Terms' },
  { href: '/support', label: 'Support' },
] as const;

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-700 sm:flex-row sm:items-center sm:justify-between">
        <p>© {new Date().getUTCFullYear()} TrailRoom</p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-5">
            {LINKS.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  className="inline-flex min-h-11 min-w-11 items-center justify-center underline-offset-4 hover:text-slate-900 hover:underline"
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
