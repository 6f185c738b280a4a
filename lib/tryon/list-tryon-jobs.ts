import { Types } from 'mongoose';
import { connectDb } from '@/lib/db';
import { TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import type { ListTryonQuery, TryonJobListResponse } from './schemas';
import { serializeJob } from './serialize';

/** The caller's jobs, newest first, with filters and page/limit pagination. */
export async function listTryonJobs(
  userId: string,
  query: ListTryonQuery,
): Promise<TryonJobListResponse> {
  await connectDb();
  const filter: Record<string, unknown> = { userId: new Types.ObjectId(userId) };
  if (query.mode) filter.mode = query.mode;
  if (query.status) filter.status = query.status;
  if (query.favorite !== undefined) filter.favorite = query.favorite;
  const [docs, total] = await Promise.all([
    TryonJob.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean(),
    TryonJob.countDocuments(filter),
  ]);
  return {
    data: (docs as TryonJobDoc[]).map(serializeJob),
    page: query.page,
    limit: query.limit,
    total,
    has_more: query.page * query.limit < total,
  };
}
