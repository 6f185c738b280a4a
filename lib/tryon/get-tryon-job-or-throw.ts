import { notFound } from '@/lib/errors';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { inDataSpace, type DataSpace } from '@/lib/apikeys/data-space';
import { parseJobId } from './find-job';

/**
 * The caller's own job. Someone else's id and a malformed id answer exactly
 * like a missing one (404), so ids cannot be probed. Read by `_id` alone and
 * the owner checked here: `{ _id, userId }` is not pushed down by FerretDB's
 * SQLite engine and scanned every job of every user.
 */
export async function getTryonJobOrThrow(
  userId: string,
  jobId: string,
  /** The caller's data space (default live): a test job is invisible to live callers and vice versa. */
  space: DataSpace = {},
): Promise<TryonJobDoc> {
  const _id = parseJobId(jobId);
  if (!_id) throw notFound('Try-on job');
  const job = await TryonJob.findById(_id).lean<TryonJobDoc>();
  if (!job || job.userId.toString() !== userId || !inDataSpace(job, space))
    throw notFound('Try-on job');
  return job;
}

export { inDataSpace, dataSpaceFilter, type DataSpace } from '@/lib/apikeys/data-space';
