import { AppError, notFound } from '@/lib/errors';
import { completedOutputs } from './serialize';
import { getTryonJobOrThrow, type DataSpace } from './get-tryon-job-or-throw';

/** The stored output of a job: the image asset that the image route serves. */
export interface TryonOutput {
  jobId: string;
  assetId: string;
}

/**
 * The output of the caller's completed job: 404 when the job is not theirs,
 * 409 `invalid_state` while it is not completed. A job's output never
 * changes once completed, so callers may cache what they make of it.
 */
export async function getTryonOutputOrThrow(
  userId: string,
  jobId: string,
  /** Sample n's result (1-based); default the first completed one. 404 when it has none. */
  sample?: number,
  space: DataSpace = {},
): Promise<TryonOutput> {
  const job = await getTryonJobOrThrow(userId, jobId, space);
  if (job.status !== 'completed' || !job.outputImageId) {
    throw new AppError(
      'invalid_state',
      `The job is ${job.status}; its image exists once it is completed`,
      { details: { status: job.status } },
    );
  }
  if (sample === undefined) return { jobId, assetId: job.outputImageId.toString() };
  const output = completedOutputs(job).find((o) => o.n === sample);
  if (!output) throw notFound(`Result ${sample} of this try-on`);
  return { jobId, assetId: output.assetId };
}
