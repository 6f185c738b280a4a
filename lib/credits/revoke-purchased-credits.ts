import { AppError } from '@/lib/errors';
import { applyLedgerOp } from './ledger';
import type { Actor, LedgerResult, ReferenceType } from './types';

export interface RevokeInput {
  userId: string;
  credits: number;
  /** e.g. `chargeback:<disputeId>` or `stripe-refund:<refundId>` */
  idempotencyKey: string;
  description: string;
  referenceType: ReferenceType;
  referenceId?: string;
  actor: Actor;
  /** false: take at most the paid balance (never below 0); true: the paid balance may go negative. */
  allowDebt: boolean;
}

export interface RevokeResult extends LedgerResult {
  revoked: number;
  shortfall: number;
}

/** Takes purchased credits back after a refund or a dispute (`chargeback` entry). */
export async function revokePurchasedCredits(input: RevokeInput): Promise<RevokeResult> {
  if (!Number.isSafeInteger(input.credits) || input.credits <= 0) {
    throw new AppError('bad_request', 'credits must be a positive whole number');
  }
  const result = await applyLedgerOp(input.userId, input.idempotencyKey, (state) => {
    const take = input.allowDebt ? input.credits : Math.min(input.credits, Math.max(0, state.paid));
    return {
      type: 'chargeback',
      freeDelta: 0,
      paidDelta: -take,
      description: input.description,
      referenceType: input.referenceType,
      ...(input.referenceId ? { referenceId: input.referenceId } : {}),
      actor: input.actor,
    };
  });
  const revoked = -result.entry.paidDelta;
  return { ...result, revoked, shortfall: input.credits - revoked };
}
