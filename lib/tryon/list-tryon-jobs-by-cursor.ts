import { listEnvelope } from '@/lib/api/list';
import { decodeCursors, keysetPage, keysetQuery } from '@/lib/db/keyset';
import { TryonJob } from '@/models/tryon-job';
import { jobListFilter, jobPosition, listTryonJobs, type JobRow } from './list-tryon-jobs';
import type { ListTryonQuery, TryonJobListResponse } from './schemas';
import { serializeJob } from './serialize';
import type { DataSpace } from './get-tryon-job-or-throw';

/**
 * GET /tryon: a keyset page when the query has `starting_after` or
 * `ending_before` (`limit + 1` rows from the `(userId, createdAt)` index, no
 * page/total, 400 `invalid_cursor` for a cursor this list did not issue);
 * otherwise the offset page of `listTryonJobs`.
 */
export async function listTryonJobsByCursor(
  userId: string,
  query: ListTryonQuery,
  space: DataSpace = {},
): Promise<TryonJobListResponse> {
  const cursors = decodeCursors('tryon', query);
  if (!cursors.startingAfter && !cursors.endingBefore) return listTryonJobs(userId, query, space);
  const k = keysetQuery('createdAt', cursors);
  const rows = await TryonJob.find({ ...jobListFilter(userId, query, space), ...k.filter })
    .sort(k.sort)
    .limit(query.limit + 1)
    .lean<JobRow[]>();
  const page = keysetPage(rows, query.limit, k.reversed, jobPosition, 'tryon');
  return listEnvelope(page.rows.map(serializeJob), {
    limit: query.limit,
    hasMore: page.hasMore,
    nextCursor: page.nextCursor,
  }) as TryonJobListResponse;
}
