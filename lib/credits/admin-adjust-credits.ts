import { adminReasonSchema } from '@/lib/api/shared-schemas';
import { z } from 'zod';
import { recordAudit, type RequestMeta } from '@/lib/audit';
import type { Caller } from '@/lib/auth/caller';
import { adjustCredits } from './adjust-credits';
import { getBalance } from './get-balance';
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

/** An admin's correction of a person's paid credits: ledger entry + audit entry, exactly once. */
export async function adminAdjustCredits(input: {
  actor: Caller;
  userId: string;
  body: z.infer<typeof adminAdjustBody>;
  meta?: RequestMeta;
}): Promise<{ entry: LedgerEntry; replayed: boolean }> {
  const before = await getBalance(input.userId);
  const result = await adjustCredits({
    userId: input.userId,
    credits: input.body.credits,
    idempotencyKey: `admin:${input.body.idempotency_key}`,
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
      },
      reason: input.body.reason,
      ...(input.meta ? { meta: input.meta } : {}),
    });
  }
  return result;
}
