import type { ReactNode } from 'react';
import { AppNav } from '@/components/app/app-nav';
import { ChooseOrg } from '@/components/orgs/choose-org';
import { ORG_NAV } from '@/components/orgs/org-nav';
import { Badge } from '@/components/ui/badge';
import type { Caller } from '@/lib/auth/caller';
import type { OrgAccount } from '@/lib/orgs/account-context';
import { loadAccounts } from './load-accounts';

/**
 * The frame of every organisation page: in organisation context the
 * organisation's name, the person's role and the section tabs, then the
 * page (given the account); in personal context a chooser instead.
 */
export async function OrgPageFrame({
  caller,
  title,
  what,
  children,
}: {
  caller: Caller;
  title: string;
  /** What the page shows, for the chooser ("dashboard", "members"…). */
  what: string;
  children: (account: OrgAccount) => Promise<ReactNode> | ReactNode;
}) {
  if (caller.account.type !== 'organization') {
    const { accounts } = await loadAccounts(caller);
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold text-slate-900">Organisation {title.toLowerCase()}</h1>
        <ChooseOrg orgs={accounts.filter((a) => a.orgId !== null)} what={what} />
      </div>
    );
  }
  const account = caller.account;
  return (
    <div className="min-w-0 space-y-6">
      <div>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span className="font-medium text-slate-800">{account.name}</span>
          <Badge tone="violet">{account.role}</Badge>
        </p>
        <h1 className="mt-1 text-2xl font-bold text-slate-900">{title}</h1>
      </div>
      <AppNav items={ORG_NAV} label="Organisation" variant="tabs" />
      {await children(account)}
    </div>
  );
}
