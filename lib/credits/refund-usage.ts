import { AppError } from '@/lib/errors';
import { recordCredits } from '@/lib/metrics';
import { DAILY_FREE_CREDITS } from './config';
import { applyLedgerOp, findEntryByKey } from './ledger';
import type { Actor, LedgerResult } from './types';

export interface RefundUsageInput {
  userId: string;
  /** The key of the usage entry to reverse, `usage:<jobId>`. */
  usageKey: string;
  /** `refund:<jobId>` */
  idempotencyKey: string;
  description: string;
  referenceId?: string;
  actor: Actor;
}

/**
 * Gives back what a usage entry took, to the buckets it came from, exactly
 * once. Free credits come back only up to the daily allowance: on a later
 * UTC day the allowance has already been topped up, and free credits never
 * accumulate (DESIGN.md). Returns null when there is no usage entry (nothing
 * was charged, so nothing is owed).
 */
export async function refundUsage(input: RefundUsageInput): Promise<LedgerResult | null> {
  const usage = await findEntryByKey(input.usageKey);
  if (!usage) return null;
  if (usage.userId !== input.userId || usage.type !== 'usage') {
    throw new AppError('idempotency_conflict', 'The usage entry does not belong to this refund');
  }
  const result = await applyLedgerOp(input.userId, input.idempotencyKey, (state) => {
    const freeBack = Math.max(0, Math.min(-usage.freeDelta, DAILY_FREE_CREDITS - state.free));
    return {
      type: 'refund',
      freeDelta: freeBack,
      paidDelta: -usage.paidDelta,
      description: input.description,
      referenceType: usage.referenceType,
      ...((input.referenceId ?? usage.referenceId)
        ? { referenceId: input.referenceId ?? usage.referenceId }
        : {}),
      actor: input.actor,
    };
  });
  if (!result.replayed) recordCredits('refunded', -(usage.freeDelta + usage.paidDelta));
  return result;
}
