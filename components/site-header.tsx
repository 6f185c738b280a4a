import Link from 'next/link';
import { getSessionUser } from '@/lib/auth/caller';

const NAV = [
  { href: '/pricing', label: 'Pricing' },
  { href: '/docs', label: 'Docs' },
] as const;

async function signedIn(): Promise<boolean> {
  try {
    return (await getSessionUser()) !== null;
  } catch {
    // The header must render even while the database is unreachable.
    return false;
  }
}

export async function SiteHeader() {
  const isSignedIn = await signedIn();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between px-4">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
          <span aria-hidden className="bg-brand-700 inline-block h-6 w-6 rounded-md" />
          TrailRoom
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 sm:gap-4">
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="rounded px-2 py-1 text-sm text-slate-700 hover:text-slate-950"
            >
              {item.label}
            </Link>
          ))}
          {isSignedIn ? (
            <Link
              href="/studio"
              className="bg-brand-700 hover:bg-brand-800 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white"
            >
              Open studio
            </Link>
          ) : (
            <>
              <Link
                href="/studio"
                className="rounded px-2 py-1 text-sm text-slate-700 hover:text-slate-950"
              >
                Studio
              </Link>
              <Link
                href="/signin"
                className="bg-brand-700 hover:bg-brand-800 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white"
              >
                Sign in
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
