import { applyLedgerOp } from './ledger';
import type { Actor, LedgerResult, ReferenceType } from './types';

export interface FreeUsageInput {
  /** The owner id (a user or an organisation). */
  userId: string;
  /** `reroll:<jobId>` */
  idempotencyKey: string;
  description: string;
  referenceType: ReferenceType;
  referenceId?: string;
  actor: Actor;
}

/**
 * A `usage` entry of zero credits: the record that something was given at no
 * cost (a free re-roll of a "not right" result), linked to its job. It takes
 * the next position in the owner's ledger like any entry and applies once per
 * key; both balances stay as they are. The one operation that writes a
 * zero-credit entry — spendCredits still refuses 0.
 */
export async function recordFreeUsage(input: FreeUsageInput): Promise<LedgerResult> {
  return applyLedgerOp(input.userId, input.idempotencyKey, () => ({
    type: 'usage',
    freeDelta: 0,
    paidDelta: 0,
    description: input.description,
    referenceType: input.referenceType,
    ...(input.referenceId ? { referenceId: input.referenceId } : {}),
    actor: input.actor,
  }));
}
