import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Page not found' };

// Any address that matches no page: the marketing frame, and the ways back.
export default async function NotFound() {
  // Rendered per request: middleware.ts cannot tell a missing page from a
  // dynamic one, so it gives such addresses a nonce policy, which a prerendered
  // 404 (no nonce on its scripts) would not run under.
  await connection();
  return (
    <>
      <SiteHeader />
      <main
        id="main"
        className="mx-auto flex max-w-2xl flex-col items-center px-4 py-16 text-center sm:py-24"
      >
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
            <Link href="/">Go to the home page</Link>
          </Button>
          <Button asChild size="lg" variant="secondary">
            <Link href="/studio">Open the studio</Link>
          </Button>
        </div>
        <p className="mt-8 text-sm text-slate-600">
          Looking for something else?{' '}
          <Link href="/pricing" className="text-brand-700 font-medium underline underline-offset-2">
            Pricing
          </Link>
          ,{' '}
          <Link href="/docs" className="text-brand-700 font-medium underline underline-offset-2">
            API docs
          </Link>{' '}
          or{' '}
          <Link href="/support" className="text-brand-700 font-medium underline underline-offset-2">
            support
          </Link>
          .
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
