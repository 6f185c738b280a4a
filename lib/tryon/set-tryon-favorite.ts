import { connectDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { parseJobId } from './find-job';

/** Marks or unmarks one of the caller's jobs as a favourite. */
export async function setTryonFavorite(
  userId: string,
  jobId: string,
  favorite: boolean,
): Promise<TryonJobDoc> {
  const _id = parseJobId(jobId);
  if (!_id) throw notFound('Try-on job');
  await connectDb();
  const job = (await TryonJob.findOneAndUpdate(
    { _id, userId },
    { $set: { favorite } },
    { returnDocument: 'after' },
  ).lean()) as TryonJobDoc | null;
  if (!job) throw notFound('Try-on job');
  return job;
}
