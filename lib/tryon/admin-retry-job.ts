import { claimAdminOperation, finishAdminOperation } from '@/lib/admin/claim-admin-operation';
import { recordAudit, type RequestMeta } from '@/lib/audit';
import type { AdminActor } from '@/lib/admin/types';
import { AppError } from '@/lib/errors';
import { sendEvent } from '@/lib/jobs';
import { logger } from '@/lib/log';
import { emailsByUserId } from '@/lib/users';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import type { AdminRetryJobResult } from './admin-schemas';
import { serializeAdminJob } from './admin-serialize';
import { failAndRefundJob } from './fail-and-refund-job';
import { findJob, findJobOrThrow } from './find-job';
import { TRYON_JOB_CREATED, type TryonJobCreatedData } from './keys';
import { loadJobInputs } from './load-job-inputs';

/** Event id of the n-th admin retry: a new id per retry (Inngest drops a repeated one), stable per retry. */
export const retryEventId = (jobId: string, n: number) => `tryon:${jobId}:retry:${n}`;

async function withEmail(job: TryonJobDoc) {
  const emails = await emailsByUserId([job.userId]);
  return serializeAdminJob(job, emails.get(job.userId.toString()) ?? null);
}

/**
 * An admin re-runs a failed job through the same `tryon-generate` function.
 *
 * Ledger semantics — the retry is on the house: no new `usage` entry is
 * written, and the refund key stays `refund:<jobId>`. So the automatic refund
 * the first failure made stands; if the retry fails too, its refund replays
 * that key and gives nothing more; if it succeeds, the owner keeps the
 * result and the refund. A job that failed without being refunded (nothing
 * was charged, or its refund never ran) is refunded at most once, whenever
 * it finally fails. No path can charge or refund a job twice.
 *
 * Exactly once per intent: the retry is claimed as admin operation
 * `tryon_job.retry:<jobId>:<n>` (unique insert) before the job is touched;
 * the event id `tryon:<jobId>:retry:<n>` de-duplicates the dispatch.
 */
export async function adminRetryJob(input: {
  actor: AdminActor;
  jobId: string;
  reason: string;
  /** Client-generated UUID: the same retry request re-queues once. */
  operationId: string;
  meta?: RequestMeta;
}): Promise<AdminRetryJobResult> {
  const job = await findJobOrThrow(input.jobId);
  const jobId = job._id.toString();
  const claim = await claimAdminOperation({
    kind: 'tryon_job.retry',
    entityId: jobId,
    requestKey: input.operationId,
    actor: { userId: input.actor.userId, email: input.actor.email },
    reason: input.reason,
  });
  if (claim.replayed) {
    return { job: await withEmail((await findJob(jobId)) ?? job), replayed: true };
  }
  const { op } = claim;
  const fail = async (err: AppError): Promise<never> => {
    await finishAdminOperation(op._id, 'failed', { error: err.message });
    throw err;
  };

  // Read again after the claim: the claim serialises admins, so this is the state it acts on.
  const current = await findJobOrThrow(jobId);
  if (current.status !== 'failed') {
    await fail(
      new AppError(
        'invalid_state',
        `Only failed jobs can be retried; this one is ${current.status}`,
        {
          details: { status: current.status },
        },
      ),
    );
  }
  try {
    await loadJobInputs(jobId);
  } catch {
    await fail(
      new AppError(
        'invalid_state',
        'The photos of this job are no longer stored (deleted or past retention); it cannot be retried',
      ),
    );
  }

  const now = new Date();
  const n = op.seq;
  await TryonJob.updateOne(
    { _id: current._id, status: 'failed' },
    {
      $set: { status: 'queued', retriedAt: now, adminRetries: n, retryCount: 0 },
      // A several-sample job starts its samples over (their failed records would answer at once).
      $unset: { error: 1, completedAt: 1, processingMs: 1, startedAt: 1, outputs: 1 },
    },
  );
  const data: TryonJobCreatedData = {
    jobId,
    userId: current.userId.toString(),
    mode: current.mode,
    provider: current.provider ?? 'local',
  };
  try {
    await sendEvent({ name: TRYON_JOB_CREATED, data, id: retryEventId(jobId, n) });
  } catch (err) {
    logger.error(
      { jobId, err: err instanceof Error ? err.message : String(err) },
      'could not dispatch an admin retry',
    );
    // Back to failed; the refund key replays, so this moves no money.
    await failAndRefundJob(
      jobId,
      {
        code: 'dispatch_failed',
        message: 'The retry could not be started.',
      },
      { preferRecorded: false },
    );
    await fail(
      new AppError('service_unavailable', 'The try-on engine is unavailable; try again shortly', {
        retryAfter: 10,
        cause: err,
      }),
    );
  }
  await finishAdminOperation(op._id, 'succeeded');
  await recordAudit({
    actor: { userId: input.actor.userId, email: input.actor.email, role: input.actor.role },
    action: 'tryon_job.retry',
    entity: { type: 'tryon_job', id: jobId },
    before: {
      status: current.status,
      error: current.error?.code
        ? { code: current.error.code, message: current.error.message }
        : null,
      retryCount: current.retryCount ?? 0,
      adminRetries: current.adminRetries ?? 0,
    },
    after: { status: 'queued', adminRetries: n, eventId: retryEventId(jobId, n) },
    reason: input.reason,
    ...(input.meta ? { meta: input.meta } : {}),
  });
  return { job: await withEmail((await findJob(jobId)) ?? current), replayed: false };
}
