import { notFound } from '@/lib/errors';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { getTryonJobOrThrow } from './get-tryon-job-or-throw';

/** Marks or unmarks one of the caller's jobs as a favourite (owner checked on an `_id` read). */
export async function setTryonFavorite(
  userId: string,
  jobId: string,
  favorite: boolean,
): Promise<TryonJobDoc> {
  const owned = await getTryonJobOrThrow(userId, jobId);
  const job = await TryonJob.findOneAndUpdate(
    { _id: owned._id },
    { $set: { favorite } },
    { returnDocument: 'after' },
  ).lean<TryonJobDoc>();
  // Deleted between the two reads.
  if (!job) throw notFound('Try-on job');
  return job;
}
