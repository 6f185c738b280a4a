import { recordAudit, type RequestMeta } from '@/lib/audit';
import type { AdminActor } from '@/lib/admin/types';
import { getBalance, refundUsage } from '@/lib/credits';
import { AppError } from '@/lib/errors';
import type { AdminRefundJobResult } from './admin-schemas';
import { serializeLedgerRef } from './admin-serialize';
import { findJobOrThrow } from './find-job';
import { refundKey, usageKey } from './keys';

/**
 * An admin gives back a job's credits (e.g. a completed job with a bad
 * result), with a reason. The ledger key is the job's own `refund:<jobId>`,
 * the same one the automatic refund (onFailure, the sweeper, a cancel) uses:
 * whichever comes first wins and every other attempt replays, so a job is
 * refunded once, whoever asks and however often. A job still queued or
 * processing is refused (its run decides: a failure refunds it anyway).
 * Only the request that made the refund writes the audit entry. An admin's
 * own job is refused (403 self_action_forbidden, the attempt audited).
 */
export async function adminRefundJob(input: {
  actor: AdminActor;
  jobId: string;
  reason: string;
  meta?: RequestMeta;
}): Promise<AdminRefundJobResult> {
  const job = await findJobOrThrow(input.jobId);
  const jobId = job._id.toString();
  if (job.status === 'queued' || job.status === 'processing') {
    throw new AppError(
      'invalid_state',
      `The job is still ${job.status}: wait until it finishes (a failure is refunded automatically)`,
      { details: { status: job.status } },
    );
  }
  const userId = job.userId.toString();
  if (userId === input.actor.userId) {
    await recordAudit({
      actor: { userId: input.actor.userId, email: input.actor.email, role: input.actor.role },
      action: 'tryon_job.refund.refused',
      entity: { type: 'tryon_job', id: jobId },
      after: { refused: 'self_action_forbidden', owner: userId },
      reason: input.reason,
      ...(input.meta ? { meta: input.meta } : {}),
    });
    throw new AppError('self_action_forbidden', 'Admins cannot refund their own jobs');
  }
  const before = await getBalance(userId);
  const result = await refundUsage({
    userId,
    usageKey: usageKey(jobId),
    idempotencyKey: refundKey(jobId),
    description: `Refund by support: ${input.reason}`.slice(0, 500),
    referenceId: jobId,
    actor: { type: 'admin', id: input.actor.userId },
  });
  if (!result) {
    throw new AppError('invalid_state', 'Nothing was charged for this job, so nothing is owed');
  }
  if (!result.replayed) {
    await recordAudit({
      actor: { userId: input.actor.userId, email: input.actor.email, role: input.actor.role },
      action: 'tryon_job.refund',
      entity: { type: 'tryon_job', id: jobId },
      before: {
        jobStatus: job.status,
        refunded: false,
        freeCredits: before.free,
        paidCredits: before.paid,
      },
      after: {
        refunded: true,
        credits: result.entry.credits,
        freeCredits: result.entry.freeAfter,
        paidCredits: result.entry.paidAfter,
        ledgerEntry: result.entry.id,
        owner: userId,
      },
      reason: input.reason,
      ...(input.meta ? { meta: input.meta } : {}),
    });
  }
  return {
    job_id: jobId,
    refunded: !result.replayed,
    credits: result.entry.credits,
    refund: serializeLedgerRef(result.entry),
  };
}
