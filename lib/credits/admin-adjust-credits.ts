import { adminReasonSchema } from '@/lib/api/shared-schemas';
import { z } from 'zod';
import { recordAudit, type RequestMeta } from '@/lib/audit';
import type { Caller } from '@/lib/auth/caller';
import { can } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { adjustCredits } from './adjust-credits';
import { adminOperationId } from './admin-operation-id';
import { claimAdminGrant } from './claim-admin-grant';
import { ADMIN_LARGE_ADJUSTMENT } from './config';
import { getBalance } from './get-balance';
import { findEntryByKey } from './ledger';
import type { LedgerEntry } from './types';

export const adminAdjustBody = z
  .object({
    credits: z
      .number()
      .int()
      .refine((n) => n !== 0, 'must not be zero'),
    reason: adminReasonSchema,
    /** Client-generated UUID so a double-submitted form applies once. */
    idempotency_key: z.uuid(),
  })
  .meta({ id: 'AdminCreditAdjustment' });

type AdjustInput = {
  actor: Caller;
  userId: string;
  body: z.infer<typeof adminAdjustBody>;
  meta?: RequestMeta;
};

/** Records the refused attempt (who tried what on whom), then throws. */
async function refuse(input: AdjustInput, err: AppError): Promise<never> {
  await recordAudit({
    actor: { userId: input.actor.userId, email: input.actor.email, role: input.actor.role },
    action: 'credits.adjust.refused',
    entity: { type: 'user', id: input.userId },
    after: {
      credits: input.body.credits,
      refused: err.code,
      operation: input.body.idempotency_key,
      ...(err.details && typeof err.details === 'object' ? { details: err.details } : {}),
    },
    reason: input.body.reason,
    ...(input.meta ? { meta: input.meta } : {}),
  });
  throw err;
}

/**
 * An admin's correction of a person's paid credits: ledger entry + audit
 * entry, exactly once. Refused (and the attempt audited): adjusting one's own
 * credits; more than ADMIN_LARGE_ADJUSTMENT in one go without
 * 'credits:adjust_large'; granting past the admin's daily cap
 * (claimAdminGrant, safe under concurrency). A replay of an applied
 * adjustment is answered from the ledger before any rule, so a double submit
 * never fails.
 */
export async function adminAdjustCredits(
  input: AdjustInput,
): Promise<{ entry: LedgerEntry; replayed: boolean }> {
  const key = `admin:${input.body.idempotency_key}`;
  const done = await findEntryByKey(key);
  if (done && done.userId === input.userId) return { entry: done, replayed: true };

  if (input.actor.userId === input.userId) {
    await refuse(
      input,
      new AppError('self_action_forbidden', 'Admins cannot adjust their own credits', {
        details: { limit: 'self' },
      }),
    );
  }
  if (
    Math.abs(input.body.credits) > ADMIN_LARGE_ADJUSTMENT &&
    !can(input.actor.role, 'credits:adjust_large')
  ) {
    await refuse(
      input,
      new AppError(
        'admin_limit_exceeded',
        `Adjustments of more than ${ADMIN_LARGE_ADJUSTMENT} credits need a super admin`,
        { details: { limit: 'single_adjustment', max: ADMIN_LARGE_ADJUSTMENT } },
      ),
    );
  }

  const before = await getBalance(input.userId);
  if (input.body.credits > 0) {
    try {
      await claimAdminGrant({
        adminId: input.actor.userId,
        targetUserId: input.userId,
        credits: input.body.credits,
        operationKey: key,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'admin_limit_exceeded') await refuse(input, err);
      throw err;
    }
  }
  const result = await adjustCredits({
    userId: input.userId,
    credits: input.body.credits,
    idempotencyKey: key,
    description: `Adjustment by support: ${input.body.reason}`,
    actor: { type: 'admin', id: input.actor.userId },
  });
  if (!result.replayed) {
    await recordAudit({
      actor: { userId: input.actor.userId, email: input.actor.email, role: input.actor.role },
      action: 'credits.adjust',
      entity: { type: 'user', id: input.userId },
      before: { paidCredits: before.paid, freeCredits: before.free },
      after: {
        paidCredits: result.entry.paidAfter,
        freeCredits: result.entry.freeAfter,
        ledgerEntry: result.entry.id,
        operation: adminOperationId(key),
      },
      reason: input.body.reason,
      ...(input.meta ? { meta: input.meta } : {}),
    });
  }
  return result;
}
