import { TryonJob, type JobStatus } from '@/models/tryon-job';
import { findJob, parseJobId } from './find-job';

export interface MarkProcessingResult {
  /** False when the job is already finished or canceled: the run has nothing to do. */
  proceed: boolean;
  status: JobStatus | 'missing';
}

/**
 * queued → processing. Safe to apply twice (a retried step, a duplicate run):
 * a job already processing proceeds, a finished/canceled one stops the run.
 */
export async function markJobProcessing(
  jobId: string,
  now = new Date(),
): Promise<MarkProcessingResult> {
  const _id = parseJobId(jobId);
  if (!_id) return { proceed: false, status: 'missing' };
  const moved = await TryonJob.findOneAndUpdate(
    { _id, status: 'queued' },
    { $set: { status: 'processing', startedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  if (moved) return { proceed: true, status: 'processing' };
  const job = await findJob(jobId);
  if (!job) return { proceed: false, status: 'missing' };
  return { proceed: job.status === 'processing', status: job.status };
}
