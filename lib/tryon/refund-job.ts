import { refundUsage } from '@/lib/credits';
import type { TryonJobDoc } from '@/models/tryon-job';
import { refundKey, usageKey } from './keys';

/**
 * Gives back what the job's usage entry took, exactly once whatever calls it
 * (onFailure, the sweeper, a cancel, a retried step): the ledger drops a
 * repeated `refund:<jobId>`. `replayed` says the refund had already been made.
 */
export async function refundJob(
  job: Pick<TryonJobDoc, '_id' | 'userId'>,
  reason: string,
): Promise<{ credits: number; replayed: boolean }> {
  const jobId = job._id.toString();
  const result = await refundUsage({
    userId: job.userId.toString(),
    usageKey: usageKey(jobId),
    idempotencyKey: refundKey(jobId),
    description: `Refund: try-on ${reason}`,
    referenceId: jobId,
    actor: { type: 'system' },
  });
  return result
    ? { credits: result.entry.credits, replayed: result.replayed }
    : { credits: 0, replayed: false };
}
