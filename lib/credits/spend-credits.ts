import { AppError } from '@/lib/errors';
import { recordCredits } from '@/lib/metrics';
import { applyLedgerOp } from './ledger';
import type { Actor, LedgerResult, ReferenceType } from './types';

export interface SpendInput {
  userId: string;
  credits: number;
  /** `usage:<jobId>` */
  idempotencyKey: string;
  description: string;
  referenceType: ReferenceType;
  referenceId?: string;
  actor: Actor;
}

/** Takes `credits`, free credits first. Throws `insufficient_credits` (402) when short. */
export async function spendCredits(input: SpendInput): Promise<LedgerResult> {
  if (!Number.isSafeInteger(input.credits) || input.credits <= 0) {
    throw new AppError('bad_request', 'credits must be a positive whole number');
  }
  const result = await applyLedgerOp(input.userId, input.idempotencyKey, (state) => {
    // A negative paid balance (debt from a chargeback) cannot be spent from.
    const available = state.free + Math.max(0, state.paid);
    if (available < input.credits) {
      throw new AppError(
        'insufficient_credits',
        `This needs ${input.credits} credits; you have ${available}.`,
        {
          details: { required: input.credits, available },
        },
      );
    }
    const fromFree = Math.min(state.free, input.credits);
    return {
      type: 'usage',
      freeDelta: -fromFree,
      paidDelta: -(input.credits - fromFree),
      description: input.description,
      referenceType: input.referenceType,
      ...(input.referenceId ? { referenceId: input.referenceId } : {}),
      actor: input.actor,
    };
  });
  if (!result.replayed) recordCredits('spent', input.credits);
  return result;
}
