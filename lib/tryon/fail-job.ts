import { recordTryonJob } from '@/lib/metrics';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { findJob, parseJobId } from './find-job';
import { failureDetail, publicFailure } from './generation-error';

export interface FailJobResult {
  /** The job's status after the call; only `failed` jobs are refunded. */
  status: TryonJobDoc['status'] | 'missing';
  job: TryonJobDoc | null;
}

/**
 * queued|processing → failed with a reason. Safe to apply twice. A completed
 * or canceled job is left as it is (the caller must not refund a completed one).
 * The reason recorded by the last attempt wins over the generic one given here.
 * The job stores the reason's public class (`error`, see publicFailure) and
 * the raw reason apart (`errorDetail`), which only admins see.
 */
export async function failJob(
  jobId: string,
  reason: { code: string; message: string },
  opts: { preferRecorded?: boolean; now?: Date } = {},
): Promise<FailJobResult> {
  const _id = parseJobId(jobId);
  if (!_id) return { status: 'missing', job: null };
  const current = await findJob(jobId);
  if (!current) return { status: 'missing', job: null };
  if (current.status !== 'queued' && current.status !== 'processing')
    return { status: current.status, job: current };
  const recorded = opts.preferRecorded !== false && current.error?.code ? current : null;
  // Public class on `error`, the raw reason apart on `errorDetail` (admins and logs only).
  const error = publicFailure(recorded?.error?.code ?? reason.code);
  const errorDetail = recorded
    ? (recorded.errorDetail ??
      failureDetail({
        code: recorded.error?.code ?? reason.code,
        message: recorded.error?.message ?? '',
      }))
    : failureDetail(reason);
  const now = opts.now ?? new Date();
  const updated = await TryonJob.findOneAndUpdate(
    { _id, status: { $in: ['queued', 'processing'] } },
    {
      $set: {
        status: 'failed',
        error,
        errorDetail,
        completedAt: now,
        ...(current.startedAt
          ? { processingMs: Math.max(0, now.getTime() - current.startedAt.getTime()) }
          : {}),
      },
    },
    { returnDocument: 'after' },
  ).lean<TryonJobDoc>();
  if (updated) recordTryonJob('failed', updated.provider, updated.processingMs);
  const job = updated ?? (await findJob(jobId));
  return { status: job?.status ?? 'missing', job };
}
