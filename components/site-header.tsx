import Link from 'next/link';

const NAV = [
  { href: '/pricing', label: 'Pricing' },
  { href: '/docs', label: 'Docs' },
  { href: '/studio', label: 'Studio' },
] as const;

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between px-4">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-brand-700" />
          TrailRoom
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 sm:gap-4">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="rounded px-2 py-1 text-sm text-slate-700 hover:text-slate-950">
              {item.label}
            </Link>
          ))}
          <Link href="/signin" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
            Sign in
          </Link>
        </nav>
      </div>
    </header>
  );
}
