import Link from 'next/link';
import { Button } from '@/components/ui/button';

const textLink = 'text-brand-700 font-medium underline underline-offset-2';

/**
 * The branded "not found" message with the ways back. The root 404 page
 * frames it with the site header and footer; the not-found pages of the
 * signed-in, developer and admin areas show it inside their own layout.
 */
export function NotFoundPanel({
  home = { href: '/', label: 'Go to the home page' },
}: {
  home?: { href: string; label: string };
}) {
  return (
    <div className="mx-auto flex max-w-2xl flex-col items-center px-4 py-12 text-center sm:py-20">
      <p className="text-brand-700 text-sm font-semibold tracking-wide uppercase">Error 404</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
        This page isn’t in the fitting room
      </h1>
      <p className="mt-4 max-w-md text-base leading-7 text-slate-600">
        The address may be mistyped, or the page has moved. Your try-ons are safe — here are the
        ways back.
      </p>
      <div className="mt-8 flex w-full flex-col justify-center gap-3 sm:w-auto sm:flex-row">
        <Button asChild size="lg">
          <Link href={home.href}>{home.label}</Link>
        </Button>
        <Button asChild size="lg" variant="secondary">
          <Link href="/studio">Open the studio</Link>
        </Button>
      </div>
      <p className="mt-8 text-sm text-slate-600">
        Looking for something else?{' '}
        <Link href="/pricing" className={textLink}>
          Pricing
        </Link>
        ,{' '}
        <Link href="/docs" className={textLink}>
          API docs
        </Link>{' '}
        or{' '}
        <Link href="/support" className={textLink}>
          support
        </Link>
        .
      </p>
    </div>
  );
}
