import type { Caller } from '@/lib/auth/caller';
import { AccountContextBanner } from './account-context-banner';
import { RefusedContext } from './refused-context';

/**
 * Under the header of every signed-in page: which organisation the person
 * acts for, or that their organisation context was refused (removed from
 * it, or it was suspended) and the page shows their personal account.
 */
export function AccountContextNotice({ caller }: { caller: Caller }) {
  if (caller.accountRefused) return <RefusedContext code={caller.accountRefused.code} />;
  if (caller.account.type === 'organization')
    return <AccountContextBanner name={caller.account.name} role={caller.account.role} />;
  return null;
}
