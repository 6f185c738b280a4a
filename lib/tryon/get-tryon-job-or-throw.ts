import { connectDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { parseJobId } from './find-job';

/**
 * The caller's own job. Someone else's id and a malformed id answer exactly
 * like a missing one (404), so ids cannot be probed.
 */
export async function getTryonJobOrThrow(userId: string, jobId: string): Promise<TryonJobDoc> {
  const _id = parseJobId(jobId);
  if (!_id) throw notFound('Try-on job');
  await connectDb();
  const job = (await TryonJob.findOne({ _id, userId }).lean()) as TryonJobDoc | null;
  if (!job) throw notFound('Try-on job');
  return job;
}
