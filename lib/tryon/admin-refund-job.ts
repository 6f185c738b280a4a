import { recordAudit, type RequestMeta } from '@/lib/audit';
import type { AdminActor } from '@/lib/admin/types';
import { getBalance, refundUsage, type Actor, type LedgerResult } from '@/lib/credits';
import { AppError } from '@/lib/errors';
import type { AdminRefundJobResult } from './admin-schemas';
import { serializeLedgerRef } from './admin-serialize';
import { findJobOrThrow } from './find-job';
import { refundKey, usageKey } from './keys';
import { refundSample, type JobRef } from './refund-job';

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
/**
 * A several-sample job: every share not yet given back (`refund:<jobId>:<n>`; a failed
 * sample's share already was), so the job is never refunded more than it was charged. The
 * entry reported is the last one written now (or, on a replay, the last one there is).
 */
async function refundRemainingSamples(
  job: JobRef,
  opts: { description: string; actor: Actor },
): Promise<LedgerResult | null> {
  let last: LedgerResult | null = null;
  let credits = 0;
  let replayed = true;
  for (let n = 1; n <= (job.samples ?? 1); n++) {
    const share = await refundSample(job, n, 'by support', opts);
    if (!share.entry) return null;
    if (!share.replayed) {
      credits += share.credits;
      replayed = false;
    }
    if (!share.replayed || !last || last.replayed)
      last = { entry: share.entry, replayed: share.replayed };
  }
  if (!last) return null;
  // What this request gave back in all (or, on a replay, what the last share gave).
  return replayed ? last : { ...last, entry: { ...last.entry, credits } };
}

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
  const description = `Refund by support: ${input.reason}`.slice(0, 500);
  const actor = { type: 'admin' as const, id: input.actor.userId };
  const result =
    (job.samples ?? 1) > 1
      ? await refundRemainingSamples(job, { description, actor })
      : await refundUsage({
          userId,
          usageKey: usageKey(jobId),
          idempotencyKey: refundKey(jobId),
          description,
          referenceId: jobId,
          actor,
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
