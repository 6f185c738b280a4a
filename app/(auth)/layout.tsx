import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-5xl px-4 py-10 sm:py-16">
        {children}
      </main>
    </>
  );
}
