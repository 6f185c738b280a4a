import { recordAudit, type RequestMeta } from '@/lib/audit';
import { can } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import {
  ADMIN_LARGE_ADJUSTMENT,
  adjustCredits,
  findEntryByKey,
  type LedgerEntry,
} from '@/lib/credits';
import { adminOperationId } from '@/lib/credits/admin-operation-id';
import { claimAdminGrant } from '@/lib/credits/claim-admin-grant';
import type { AdminActor } from './types';

export interface AdjustUserCreditsInput {
  actor: AdminActor;
  /** The owner id: a person's, or an organisation's (with `ownerType: 'organization'`). */
  userId: string;
  /** Who owns the ledger, for the audit entity (default 'user'). */
  ownerType?: 'user' | 'organization';
  /** Signed change of the paid bucket. */
  credits: number;
  reason: string;
  /** Client-generated UUID: the same operation applies once (ledger key `admin:<uuid>`). */
  operationId: string;
  meta?: RequestMeta;
}

export interface AdjustUserCreditsResult {
  entry: LedgerEntry;
  /** True when this operation had already been applied: nothing changed this time. */
  replayed: boolean;
}

/** Records the refused attempt (who tried what on whom), then throws. */
async function refuse(input: AdjustUserCreditsInput, err: AppError): Promise<never> {
  await recordAudit({
    actor: input.actor,
    action: 'credits.adjust.refused',
    entity: { type: input.ownerType ?? 'user', id: input.userId },
    after: {
      credits: input.credits,
      refused: err.code,
      operation: input.operationId,
      ...(err.details && typeof err.details === 'object' ? { details: err.details } : {}),
    },
    reason: input.reason,
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
 *
 * The audit's "before" is the ledger entry's own after − delta: the balance
 * this very write started from. A separate read beforehand would be wrong
 * whenever a spend lands between the read and the write.
 */
export async function adjustUserCredits(
  input: AdjustUserCreditsInput,
): Promise<AdjustUserCreditsResult> {
  const key = `admin:${input.operationId}`;
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
    Math.abs(input.credits) > ADMIN_LARGE_ADJUSTMENT &&
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

  if (input.credits > 0) {
    try {
      await claimAdminGrant({
        adminId: input.actor.userId,
        targetUserId: input.userId,
        credits: input.credits,
        operationKey: key,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'admin_limit_exceeded') await refuse(input, err);
      throw err;
    }
  }
  const result = await adjustCredits({
    userId: input.userId,
    credits: input.credits,
    idempotencyKey: key,
    description: `Adjustment by support: ${input.reason}`,
    actor: { type: 'admin', id: input.actor.userId },
  });
  if (!result.replayed) {
    const { entry } = result;
    await recordAudit({
      actor: input.actor,
      action: 'credits.adjust',
      entity: { type: input.ownerType ?? 'user', id: input.userId },
      before: {
        paidCredits: entry.paidAfter - entry.paidDelta,
        freeCredits: entry.freeAfter - entry.freeDelta,
      },
      after: {
        paidCredits: entry.paidAfter,
        freeCredits: entry.freeAfter,
        ledgerEntry: entry.id,
        operation: adminOperationId(key),
      },
      reason: input.reason,
      ...(input.meta ? { meta: input.meta } : {}),
    });
  }
  return result;
}
