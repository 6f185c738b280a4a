import type { Metadata } from 'next';
import { connection } from 'next/server';
import { NotFoundPanel } from '@/components/not-found-panel';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';

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
      <main id="main">
        <NotFoundPanel />
      </main>
      <SiteFooter />
    </>
  );
}
