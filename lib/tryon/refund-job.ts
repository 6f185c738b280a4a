import { refundUsage, refundUsageShare, type Actor, type LedgerEntry } from '@/lib/credits';
import type { TryonJobDoc } from '@/models/tryon-job';
import { refundKey, sampleRefundKey, usageKey } from './keys';
import { releaseJobSpendCaps } from './job-spend-caps';

/** The job as a refund needs it; `samples` absent on jobs stored before several results. */
export type JobRef = Pick<TryonJobDoc, '_id' | 'userId'> & { samples?: number | null };

export interface RefundJobResult {
  /** Credits the refund entry (or entries) gave back, now or on the first call. */
  credits: number;
  replayed: boolean;
}

/**
 * Gives back what the job's usage entry took, exactly once whatever calls it
 * (onFailure, the sweeper, a cancel, a retried step): the ledger drops a
 * repeated `refund:<jobId>`. `replayed` says the refund had already been made.
 *
 * A several-sample job is refunded share by share (`refund:<jobId>:<n>`, see
 * refundSample): every share a failed sample has not already returned. The sum
 * over all keys is the charge, whatever order or how often they run.
 */
export async function refundJob(job: JobRef, reason: string): Promise<RefundJobResult> {
  const jobId = job._id.toString();
  const samples = job.samples ?? 1;
  if (samples > 1) {
    let credits = 0;
    let replayed = true;
    for (let n = 1; n <= samples; n++) {
      const share = await refundSample(job, n, reason);
      credits += share.credits;
      replayed &&= share.replayed;
    }
    return { credits, replayed };
  }
  const result = await refundUsage({
    userId: job.userId.toString(),
    usageKey: usageKey(jobId),
    idempotencyKey: refundKey(jobId),
    description: `Refund: try-on ${reason}`,
    referenceId: jobId,
    actor: { type: 'system' },
  });
  // The spend caps it counted toward get the credits back too (test jobs: only that).
  await releaseJobSpendCaps(jobId);
  return result
    ? { credits: result.entry.credits, replayed: result.replayed }
    : { credits: 0, replayed: false };
}

/** Gives back sample `n`'s share of a several-sample job's charge, once (`refund:<jobId>:<n>`). */
export async function refundSample(
  job: JobRef,
  n: number,
  reason: string,
  opts: { actor?: Actor; description?: string } = {},
): Promise<RefundJobResult & { entry: LedgerEntry | null }> {
  const jobId = job._id.toString();
  const result = await refundUsageShare({
    userId: job.userId.toString(),
    usageKey: usageKey(jobId),
    index: n,
    of: job.samples ?? 1,
    idempotencyKey: sampleRefundKey(jobId, n),
    description: opts.description ?? `Refund: try-on result ${n} ${reason}`,
    referenceId: jobId,
    actor: opts.actor ?? { type: 'system' },
  });
  await releaseJobSpendCaps(jobId, { n });
  return result
    ? { credits: result.entry.credits, replayed: result.replayed, entry: result.entry }
    : { credits: 0, replayed: false, entry: null };
}
