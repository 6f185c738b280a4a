import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto flex max-w-md flex-col px-4 py-16">
        {children}
      </main>
    </>
  );
}
