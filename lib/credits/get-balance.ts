import { ownerTypeOf } from '@/lib/orgs/find-owner';
import { DAILY_FREE_CREDITS } from './config';
import { currentState, ledgerNow } from './ledger';
import type { Balance } from './types';
import { nextUtcMidnight } from './utc-day';

/**
 * The owner's balance, after today's lazy free top-up (which this read may
 * write). An organisation has no daily allowance (0).
 */
export async function getBalance(userId: string): Promise<Balance> {
  const state = await currentState(userId);
  const org = (await ownerTypeOf(userId)) === 'organization';
  return {
    free: state.free,
    paid: state.paid,
    total: state.free + state.paid,
    dailyAllowance: org ? 0 : DAILY_FREE_CREDITS,
    nextTopUpAt: nextUtcMidnight(ledgerNow()),
  };
}
