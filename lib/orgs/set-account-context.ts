import { resolveAccountContext, type OrgAccount } from './account-context';

/**
 * Checks the account a person switches to (their membership, the
 * organisation's status); the route then sets or clears the `tr_account`
 * cookie. Every later request checks it again.
 */
export async function setAccountContext(
  userId: string,
  orgId: string | null,
): Promise<{ type: 'user' } | OrgAccount> {
  if (orgId === null) return { type: 'user' };
  const context = await resolveAccountContext(userId, orgId);
  if (!context.ok) throw context.error;
  return context.account;
}
