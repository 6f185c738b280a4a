import type { Metadata } from 'next';
import { NotFoundPanel } from '@/components/not-found-panel';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';

export const metadata: Metadata = { title: 'Page not found' };

// Any address that matches no page: the marketing frame, and the ways back.
export default function NotFound() {
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
