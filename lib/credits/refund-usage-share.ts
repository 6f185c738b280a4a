import { AppError } from '@/lib/errors';
import { recordCredits } from '@/lib/metrics';
import { DAILY_FREE_CREDITS } from './config';
import { applyLedgerOp, findEntryByKey } from './ledger';
import type { Actor, LedgerResult } from './types';

export interface RefundUsageShareInput {
  userId: string;
  /** The usage entry a part of which is given back, `usage:<jobId>`. */
  usageKey: string;
  /** Which part: share `index` (1-based) of `of` equal shares. */
  index: number;
  of: number;
  /** `refund:<jobId>:<index>`: one key per share, so each share is given back at most once. */
  idempotencyKey: string;
  description: string;
  referenceId?: string;
  actor: Actor;
}

/**
 * The free and paid credits of share `index` of `of` of a usage entry that took `free` free
 * credits and then `paid` paid ones. The taken credits are laid out in a row — free first —
 * and cut into `of` equal runs; share i is the i-th run. So the shares are fixed whatever
 * order they are refunded in, and all of them together are exactly the entry.
 */
export function usageShare(
  taken: { free: number; paid: number },
  index: number,
  of: number,
): { free: number; paid: number } {
  const total = taken.free + taken.paid;
  if (!Number.isInteger(index) || !Number.isInteger(of) || of < 1 || index < 1 || index > of)
    throw new RangeError(`share ${index} of ${of}`);
  if (total % of !== 0) throw new RangeError(`${total} credits do not split into ${of} shares`);
  const size = total / of;
  const start = (index - 1) * size;
  const end = start + size;
  const free = Math.max(0, Math.min(end, taken.free) - start);
  return { free, paid: size - free };
}

/**
 * Gives back one equal share of a usage entry (a failed sample of a several-result try-on),
 * exactly once per share. Free credits come back only up to the daily allowance, as with
 * refundUsage. Returns null when there is no usage entry (nothing was charged).
 */
export async function refundUsageShare(input: RefundUsageShareInput): Promise<LedgerResult | null> {
  const usage = await findEntryByKey(input.usageKey);
  if (!usage) return null;
  if (usage.userId !== input.userId || usage.type !== 'usage') {
    throw new AppError('idempotency_conflict', 'The usage entry does not belong to this refund');
  }
  const share = usageShare(
    { free: -usage.freeDelta, paid: -usage.paidDelta },
    input.index,
    input.of,
  );
  const result = await applyLedgerOp(input.userId, input.idempotencyKey, (state) => ({
    type: 'refund',
    freeDelta: Math.max(0, Math.min(share.free, DAILY_FREE_CREDITS - state.free)),
    paidDelta: share.paid,
    description: input.description,
    referenceType: usage.referenceType,
    ...((input.referenceId ?? usage.referenceId)
      ? { referenceId: input.referenceId ?? usage.referenceId }
      : {}),
    actor: input.actor,
  }));
  if (!result.replayed) recordCredits('refunded', share.free + share.paid);
  return result;
}
