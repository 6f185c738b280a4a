import { connectDb } from '@/lib/db';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { findJob, parseJobId } from './find-job';

export interface FailJobResult {
  /** The job's status after the call; only `failed` jobs are refunded. */
  status: TryonJobDoc['status'] | 'missing';
  job: TryonJobDoc | null;
}

/**
 * queued|processing → failed with a reason. Safe to apply twice. A completed
 * or canceled job is left as it is (the caller must not refund a completed one).
 * The reason recorded by the last attempt wins over the generic one given here.
 */
export async function failJob(
  jobId: string,
  reason: { code: string; message: string },
  opts: { preferRecorded?: boolean; now?: Date } = {},
): Promise<FailJobResult> {
  const _id = parseJobId(jobId);
  if (!_id) return { status: 'missing', job: null };
  await connectDb();
  const current = await findJob(jobId);
  if (!current) return { status: 'missing', job: null };
  if (current.status !== 'queued' && current.status !== 'processing')
    return { status: current.status, job: current };
  const recorded = opts.preferRecorded !== false && current.error?.code ? current.error : null;
  const error = {
    code: (recorded?.code ?? reason.code).slice(0, 100),
    message: (recorded?.message ?? reason.message).slice(0, 1000),
  };
  const now = opts.now ?? new Date();
  const updated = (await TryonJob.findOneAndUpdate(
    { _id, status: { $in: ['queued', 'processing'] } },
    {
      $set: {
        status: 'failed',
        error,
        completedAt: now,
        ...(current.startedAt
          ? { processingMs: Math.max(0, now.getTime() - current.startedAt.getTime()) }
          : {}),
      },
    },
    { returnDocument: 'after' },
  ).lean()) as TryonJobDoc | null;
  const job = updated ?? (await findJob(jobId));
  return { status: job?.status ?? 'missing', job };
}
