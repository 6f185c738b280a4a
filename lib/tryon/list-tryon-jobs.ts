import { Types } from 'mongoose';
import { listEnvelope, pageOffset } from '@/lib/api/list';
import { encodeCursor } from '@/lib/db/keyset';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import type { ListTryonQuery, TryonJobOffsetPage } from './schemas';
import { serializeJob } from './serialize';
import { dataSpaceFilter, type DataSpace } from './get-tryon-job-or-throw';

export type JobRow = TryonJobDoc & { createdAt: Date };

/** The owner and filters of a history query (the cursor is not part of it). */
export function jobListFilter(
  userId: string,
  query: ListTryonQuery,
  space: DataSpace = {},
): Record<string, unknown> {
  const filter: Record<string, unknown> = {
    userId: new Types.ObjectId(userId),
    ...dataSpaceFilter(space),
  };
  if (query.mode) filter.mode = query.mode;
  if (query.status) filter.status = query.status;
  if (query.favorite !== undefined) filter.favorite = query.favorite;
  return filter;
}

/** Where a job sits in the history order (createdAt desc, _id desc). */
export const jobPosition = (job: JobRow) => ({ value: job.createdAt, id: job._id.toString() });

/**
 * The caller's jobs, newest first, with filters and page/limit pagination
 * (page and total), plus the `next_cursor` of the last row so a client can
 * go on with keyset pages (`listTryonJobsByCursor`). Cursors in the query
 * are not read here.
 */
export async function listTryonJobs(
  userId: string,
  query: ListTryonQuery,
  /** Test keys list test jobs only; everyone else live jobs only. */
  space: DataSpace = {},
): Promise<TryonJobOffsetPage> {
  const filter = jobListFilter(userId, query, space);
  const [docs, total] = await Promise.all([
    TryonJob.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip(pageOffset(query))
      .limit(query.limit)
      .lean<JobRow[]>(),
    TryonJob.countDocuments(filter),
  ]);
  const last = docs.at(-1);
  return listEnvelope(docs.map(serializeJob), {
    page: query.page,
    limit: query.limit,
    total,
    nextCursor: last ? encodeCursor('tryon', jobPosition(last)) : null,
  }) as TryonJobOffsetPage;
}
