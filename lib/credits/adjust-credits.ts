import { AppError } from '@/lib/errors';
import { adminOperationId } from './admin-operation-id';
import { MAX_ADMIN_ADJUSTMENT } from './config';
import { applyLedgerOp } from './ledger';
import type { LedgerResult } from './types';

export interface AdjustInput {
  userId: string;
  /** Signed change of the paid bucket. */
  credits: number;
  /** `admin:<uuid>` */
  idempotencyKey: string;
  description: string;
  actor: { type: 'admin'; id: string };
}

/** An admin's correction of the paid bucket; it cannot take the balance below zero. */
export async function adjustCredits(input: AdjustInput): Promise<LedgerResult> {
  if (
    !Number.isSafeInteger(input.credits) ||
    input.credits === 0 ||
    Math.abs(input.credits) > MAX_ADMIN_ADJUSTMENT
  ) {
    throw new AppError(
      'bad_request',
      `credits must be a non-zero whole number up to ±${MAX_ADMIN_ADJUSTMENT}`,
    );
  }
  return applyLedgerOp(input.userId, input.idempotencyKey, (state) => {
    if (state.paid + input.credits < 0) {
      throw new AppError(
        'insufficient_credits',
        `The paid balance is ${state.paid}; it cannot go below zero.`,
        {
          details: { paid: state.paid, requested: input.credits },
        },
      );
    }
    return {
      type: 'admin_adjustment',
      freeDelta: 0,
      paidDelta: input.credits,
      description: input.description,
      // The operation, not the admin: a person's ledger never names who adjusted it.
      referenceType: 'admin_action',
      referenceId: adminOperationId(input.idempotencyKey),
      actor: input.actor,
    };
  });
}
