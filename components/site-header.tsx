import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { HeaderAccountLink } from './site-header-session';

const NAV = [
  { href: '/pricing', label: 'Pricing' },
  { href: '/docs', label: 'Docs' },
] as const;

const navLink =
  'inline-flex min-h-11 min-w-11 items-center justify-center rounded px-2 text-sm text-slate-700 hover:text-slate-950';

/**
 * The marketing and sign-in header. Static: the signed-in state comes from a
 * small client island (site-header-session), so no page that shows this header
 * reads the session while rendering. Fits 360 px: the studio link joins the
 * bar only from the sm breakpoint ("Start free" leads there on the page).
 */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-3 sm:px-4">
        <Link
          href="/"
          className="flex min-h-11 shrink-0 items-center gap-1.5 text-base font-semibold text-slate-900 sm:gap-2 sm:text-lg"
        >
          <span
            aria-hidden
            className="bg-brand-700 inline-block h-5 w-5 rounded-md sm:h-6 sm:w-6"
          />
          TrailRoom
        </Link>
        <nav aria-label="Main" className="flex min-w-0 items-center sm:gap-3">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className={navLink}>
              {item.label}
            </Link>
          ))}
          <Link href="/studio" className={cn(navLink, 'hidden sm:inline-flex')}>
            Studio
          </Link>
          <HeaderAccountLink />
        </nav>
      </div>
    </header>
  );
}
