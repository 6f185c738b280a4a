import { DAILY_FREE_CREDITS } from './config';
import { currentState, ledgerNow } from './ledger';
import type { Balance } from './types';
import { nextUtcMidnight } from './utc-day';

/** The balance, after today's lazy free top-up (which this read may write). */
export async function getBalance(userId: string): Promise<Balance> {
  const state = await currentState(userId);
  return {
    free: state.free,
    paid: state.paid,
    total: state.free + state.paid,
    dailyAllowance: DAILY_FREE_CREDITS,
    nextTopUpAt: nextUtcMidnight(ledgerNow()),
  };
}
