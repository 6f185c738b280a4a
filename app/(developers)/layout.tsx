import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app/app-header';
import { signedInNav } from '@/components/app/signed-in-nav';
import { isAdminRole } from '@/lib/auth/roles';
import { requirePageUser } from '@/lib/auth/caller';

// The developer pages: API keys (and, as they come, the playground and webhooks).
export default async function DevelopersLayout({ children }: { children: ReactNode }) {
  const caller = await requirePageUser({ returnTo: '/developers' });
  return (
    <>
      <AppHeader items={signedInNav(isAdminRole(caller.role))} email={caller.email} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
