import type { AccountOption, AccountSwitcherProps } from '@/components/orgs/account-switcher';
import type { Caller } from '@/lib/auth/caller';
import { getBalance } from '@/lib/credits';
import { listMyOrganizations } from '@/lib/orgs';

/**
 * The accounts a signed-in person can act as (personal, then each of their
 * organisations) and the active account's balance, for the header's
 * switcher and the organisation pages' chooser.
 */
export async function loadAccounts(caller: Caller): Promise<AccountSwitcherProps> {
  const [orgs, balance] = await Promise.all([
    listMyOrganizations(caller.userId),
    getBalance(caller.ownerId).catch(() => null),
  ]);
  const accounts: AccountOption[] = [
    { orgId: null, name: caller.name ?? caller.email },
    ...orgs.map((o) => ({ orgId: o.id, name: o.name, role: o.role })),
  ];
  return {
    accounts,
    activeOrgId: caller.account.type === 'organization' ? caller.account.orgId : null,
    balance: balance ? balance.total : null,
  };
}
