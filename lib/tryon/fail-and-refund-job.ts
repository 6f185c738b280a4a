import { emitUserEvent } from '@/lib/events';
import { failJob } from './fail-job';
import { failedEventId } from './keys';
import { refundJob } from './refund-job';
import { serializeJob } from './serialize';

export interface FailAndRefundResult {
  status: string;
  refundedCredits: number;
}

/**
 * Ends a job as failed, refunds it once and raises `tryon.failed` once. Each
 * part is keyed (status guard, `refund:<jobId>`, `tryon.failed:<jobId>`), so
 * running it twice — onFailure retried, the sweeper racing it — changes
 * nothing the second time. A job that completed meanwhile is left alone.
 */
export async function failAndRefundJob(
  jobId: string,
  reason: { code: string; message: string },
  opts: { preferRecorded?: boolean } = {},
): Promise<FailAndRefundResult> {
  const failed = await failJob(jobId, reason, opts);
  if (failed.status !== 'failed' || !failed.job)
    return { status: failed.status, refundedCredits: 0 };
  const refund = await refundJob(failed.job, failed.job.error?.code ?? reason.code);
  await emitUserEvent({
    userId: failed.job.userId.toString(),
    type: 'tryon.failed',
    payload: { job: serializeJob(failed.job), credits_refunded: refund.credits },
    id: failedEventId(jobId),
    livemode: failed.job.livemode !== false,
  });
  return { status: 'failed', refundedCredits: refund.credits };
}
