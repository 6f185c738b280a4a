import { recordTryonJob } from '@/lib/metrics';
import { deleteImagesIfUnused } from '@/lib/storage';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { findJob, parseJobId } from './find-job';

export interface CompleteJobResult {
  completed: boolean;
  status: TryonJobDoc['status'] | 'missing';
  processingMs?: number;
}

/**
 * processing → completed with the output and timings. Safe to apply twice
 * (the second call finds it completed); a job the sweeper already failed (and
 * refunded) stays failed: the output is not attached to it.
 */
export async function completeJob(
  jobId: string,
  outputImageId: string,
  opts: { attempt?: number; now?: Date } = {},
): Promise<CompleteJobResult> {
  const now = opts.now ?? new Date();
  const _id = parseJobId(jobId);
  const job = await findJob(jobId);
  if (!job || !_id) return { completed: false, status: 'missing' };
  if (job.status === 'completed')
    return {
      completed: true,
      status: 'completed',
      ...(job.processingMs != null ? { processingMs: job.processingMs } : {}),
    };
  if (job.status !== 'processing') {
    // Failed (and refunded) by the sweeper while the provider was still working: the late output is not kept.
    const outputs = (job.outputs ?? []).flatMap((o) => (o.assetId ? [o.assetId.toString()] : []));
    await deleteImagesIfUnused([outputImageId, ...outputs], job.userId.toString());
    return { completed: false, status: job.status };
  }
  const startedAt = job.startedAt ?? job.queuedAt;
  const processingMs = Math.max(0, now.getTime() - startedAt.getTime());
  const updated = await TryonJob.findOneAndUpdate(
    { _id, status: 'processing' },
    {
      $set: {
        status: 'completed',
        outputImageId,
        completedAt: now,
        processingMs,
        retryCount: opts.attempt ?? job.retryCount ?? 0,
      },
      // The last attempt's error is history, not the outcome.
      $unset: { error: 1 },
    },
    { returnDocument: 'after' },
  ).lean();
  if (updated) {
    recordTryonJob('completed', updated.provider, processingMs);
    return { completed: true, status: 'completed', processingMs };
  }
  const after = await findJob(jobId);
  return { completed: after?.status === 'completed', status: after?.status ?? 'missing' };
}
