import { AppError } from '@/lib/errors';
import { deleteImagesIfUnused } from '@/lib/storage';
import { TryonJob } from '@/models/tryon-job';
import { allJobImageIds } from './find-job';
import { getTryonJobOrThrow, type DataSpace } from './get-tryon-job-or-throw';
import { refundJob } from './refund-job';
import type { DeleteTryonResponse } from './schemas';

/**
 * DELETE on a job: a queued job is canceled and refunded; a finished one
 * (completed, failed, canceled) is deleted with the images no other job of
 * the owner uses; a processing one cannot be touched (409).
 */
export async function deleteTryonJob(
  userId: string,
  jobId: string,
  space: DataSpace = {},
): Promise<DeleteTryonResponse> {
  const job = await getTryonJobOrThrow(userId, jobId, space);
  if (job.status === 'processing') {
    throw new AppError(
      'invalid_state',
      'The job is being generated; delete it once it has finished',
      { details: { status: job.status } },
    );
  }
  if (job.status === 'queued') {
    const canceled = await TryonJob.findOneAndUpdate(
      // Ownership is checked above; the status guard makes the cancel a compare-and-set.
      { _id: job._id, status: 'queued' },
      {
        $set: {
          status: 'canceled',
          completedAt: new Date(),
          error: { code: 'canceled', message: 'Canceled before it started' },
        },
      },
      { returnDocument: 'after' },
    ).lean();
    if (!canceled) {
      // It started (or finished) between the read and the update: answer for what it is now.
      return deleteTryonJob(userId, jobId, space);
    }
    const refund = await refundJob(job, 'canceled');
    return {
      id: jobId,
      result: 'canceled',
      credits_refunded: refund.replayed ? 0 : refund.credits,
    };
  }
  // A failed or canceled job is owed its refund; the key makes this a no-op when already paid back.
  const refund =
    job.status === 'failed' || job.status === 'canceled' ? await refundJob(job, job.status) : null;
  const refunded = refund && !refund.replayed ? refund.credits : 0;
  await TryonJob.deleteOne({ _id: job._id });
  await deleteImagesIfUnused(allJobImageIds(job), userId);
  return { id: jobId, result: 'deleted', credits_refunded: refunded };
}
