import { AppError } from '@/lib/errors';
import { recordCredits } from '@/lib/metrics';
import { applyLedgerOp } from './ledger';
import type { Actor, LedgerResult, ReferenceType } from './types';

export interface GrantInput {
  userId: string;
  credits: number;
  /** `purchase:<checkoutSessionId>` */
  idempotencyKey: string;
  description: string;
  referenceType: ReferenceType;
  referenceId?: string;
  actor: Actor;
}

/** Adds purchased credits to the paid bucket (repaying any chargeback debt first, by arithmetic). */
export async function grantPurchasedCredits(input: GrantInput): Promise<LedgerResult> {
  if (!Number.isSafeInteger(input.credits) || input.credits <= 0) {
    throw new AppError('bad_request', 'credits must be a positive whole number');
  }
  const result = await applyLedgerOp(input.userId, input.idempotencyKey, () => ({
    type: 'purchase',
    freeDelta: 0,
    paidDelta: input.credits,
    description: input.description,
    referenceType: input.referenceType,
    ...(input.referenceId ? { referenceId: input.referenceId } : {}),
    actor: input.actor,
  }));
  if (!result.replayed) recordCredits('granted', input.credits);
  return result;
}
