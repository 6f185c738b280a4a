import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app/app-header';
import { AppNav } from '@/components/app/app-nav';
import { signedInNav } from '@/components/app/signed-in-nav';
import { AccountContextNotice } from '@/components/orgs/account-context-notice';
import { loadAccounts } from '@/app/(studio)/org/load-accounts';
import { isAdminRole } from '@/lib/auth/roles';
import { requirePageUser } from '@/lib/auth/caller';

// The developer pages: API keys, webhooks and the API playground, under one set of tabs.
const DEVELOPER_NAV = [
  { href: '/developers', label: 'API keys', exact: true },
  { href: '/developers/webhooks', label: 'Webhooks' },
  { href: '/developers/playground', label: 'Playground' },
  { href: '/docs', label: 'API docs' },
];

export default async function DevelopersLayout({ children }: { children: ReactNode }) {
  const caller = await requirePageUser({ returnTo: '/developers' });
  return (
    <>
      <AppHeader
        items={signedInNav(isAdminRole(caller.role))}
        email={caller.email}
        account={await loadAccounts(caller)}
      />
      <AccountContextNotice caller={caller} />
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <AppNav items={DEVELOPER_NAV} label="Developers" variant="tabs" />
        {children}
      </main>
    </>
  );
}
