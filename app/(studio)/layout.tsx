import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app/app-header';
import { signedInNav } from '@/components/app/signed-in-nav';
import { AccountContextNotice } from '@/components/orgs/account-context-notice';
import { SiteFooter } from '@/components/site-footer';
import { isAdminRole } from '@/lib/auth/roles';
import { requirePageUser } from '@/lib/auth/caller';
import { loadAccounts } from './org/load-accounts';

// The shopper area: try-on studio, history, credits, billing, account.
// Every page here is for a signed-in person (middleware redirects, this checks again).
export default async function StudioLayout({ children }: { children: ReactNode }) {
  const caller = await requirePageUser({ returnTo: '/studio' });
  const items = signedInNav(isAdminRole(caller.role));
  return (
    <>
      <AppHeader items={items} email={caller.email} account={await loadAccounts(caller)} />
      <AccountContextNotice caller={caller} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
