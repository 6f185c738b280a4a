import { AppError, notFound } from '@/lib/errors';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import { getTryonJobOrThrow, type DataSpace } from './get-tryon-job-or-throw';

/**
 * Marks or unmarks one of the caller's jobs as a favourite (owner checked on an `_id` read).
 * With `output` (a sample number), one result of a several-sample job: the job is then a
 * favourite (kept in the wardrobe) while any of its results is.
 */
export async function setTryonFavorite(
  userId: string,
  jobId: string,
  favorite: boolean,
  output?: number,
  space: DataSpace = {},
): Promise<TryonJobDoc> {
  const owned = await getTryonJobOrThrow(userId, jobId, space);
  let set: Record<string, boolean> = { favorite };
  // A one-result job's result is the job itself.
  if (output !== undefined && (owned.samples ?? 1) <= 1 && output !== 1)
    throw notFound(`Result ${output} of this try-on`);
  if (output !== undefined && (owned.samples ?? 1) > 1) {
    const outputs = owned.outputs ?? [];
    const index = outputs.findIndex((o) => o.n === output && o.status === 'completed');
    if (index < 0) {
      if (owned.status !== 'completed')
        throw new AppError('invalid_state', `The job is ${owned.status}; it has no results yet`, {
          details: { status: owned.status },
        });
      throw notFound(`Result ${output} of this try-on`);
    }
    const anyFavorite = outputs.some((o, i) => (i === index ? favorite : Boolean(o.favorite)));
    set = { [`outputs.${index}.favorite`]: favorite, favorite: anyFavorite };
  }
  const job = await TryonJob.findOneAndUpdate(
    { _id: owned._id },
    { $set: set },
    { returnDocument: 'after' },
  ).lean<TryonJobDoc>();
  // Deleted between the two reads.
  if (!job) throw notFound('Try-on job');
  return job;
}
