import type { QueryFilter } from 'mongoose';
import { offsetPage, pageOffset } from '@/lib/api/list';
import { toRange } from '@/lib/credits';
import { groupSums } from '@/lib/db';
import { emailsByUserId, findUserIdsForFilter } from '@/lib/users';
import { JOB_STATUSES, TryonJob, type TryonJobDoc } from '@/models/tryon-job';
import type { AdminJobPageJson, AdminJobsQuery, AdminJobStatusCounts } from './admin-schemas';
import { serializeAdminJob } from './admin-serialize';
import { STUCK_JOB_AFTER_MS } from './sweep-stuck-jobs';

type JobFilter = QueryFilter<TryonJobDoc>;

/** Jobs still queued or processing past the sweeper's threshold (see isJobStuck). */
export function stuckJobsFilter(now = new Date()): JobFilter {
  const cutoff = new Date(now.getTime() - STUCK_JOB_AFTER_MS);
  return {
    $or: [
      { status: 'processing', startedAt: { $lt: cutoff } },
      {
        status: 'queued',
        queuedAt: { $lt: cutoff },
        $or: [{ retriedAt: { $exists: false } }, { retriedAt: { $lt: cutoff } }],
      },
    ],
  };
}

/** The filter without status: the status counts at the top are for these jobs. */
async function baseFilter(query: AdminJobsQuery): Promise<JobFilter | null> {
  const filter: JobFilter = {};
  if (query.mode) filter.mode = query.mode;
  if (query.provider) filter.provider = query.provider;
  if (query.user) {
    const ids = await findUserIdsForFilter(query.user);
    if (ids.length === 0) return null;
    filter.userId = { $in: ids };
  }
  if (query.date_from || query.date_to) {
    filter.createdAt = {
      ...(query.date_from ? { $gte: toRange(query.date_from, 'start') } : {}),
      ...(query.date_to ? { $lte: toRange(query.date_to, 'end') } : {}),
    };
  }
  return filter;
}

const EMPTY_COUNTS: AdminJobStatusCounts = {
  queued: 0,
  processing: 0,
  completed: 0,
  failed: 0,
  canceled: 0,
  stuck: 0,
};

/** Counts per status (and stuck) for a filter, for the admin overview and the jobs page. */
export async function countJobsByStatus(filter: JobFilter, now = new Date()) {
  const [rows, stuck] = await Promise.all([
    groupSums(TryonJob as never, { match: filter, by: '$status', sums: { n: 1 } }),
    TryonJob.countDocuments({ $and: [filter, stuckJobsFilter(now)] }),
  ]);
  const counts: AdminJobStatusCounts = { ...EMPTY_COUNTS, stuck };
  for (const row of rows) {
    const status = row._id as (typeof JOB_STATUSES)[number];
    if (JOB_STATUSES.includes(status)) counts[status] = row.n;
  }
  return counts;
}

/** Every user's jobs for support: filters, counts per status, newest first, paginated. */
export async function adminListJobs(
  query: AdminJobsQuery,
  now = new Date(),
): Promise<AdminJobPageJson> {
  const base = await baseFilter(query);
  if (!base) {
    const { data, ...page } = offsetPage([], query, 0);
    return { data, counts: EMPTY_COUNTS, ...page };
  }
  const parts: JobFilter[] = [base];
  if (query.status) parts.push({ status: query.status });
  if (query.stuck) parts.push(stuckJobsFilter(now));
  const filter: JobFilter = parts.length === 1 ? base : { $and: parts };
  const [docs, total, counts] = await Promise.all([
    TryonJob.find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .skip(pageOffset(query))
      .limit(query.limit)
      .lean<TryonJobDoc[]>(),
    TryonJob.countDocuments(filter),
    countJobsByStatus(base, now),
  ]);
  const emails = await emailsByUserId(docs.map((d) => d.userId));
  const { data, ...page } = offsetPage(
    docs.map((d) => serializeAdminJob(d, emails.get(d.userId.toString()) ?? null, now.getTime())),
    query,
    total,
  );
  return { data, counts, ...page };
}

/** The overview's figures: jobs failed since UTC midnight, and jobs stuck right now. */
export async function adminJobHealth(
  now = new Date(),
): Promise<{ failedToday: number; stuck: number }> {
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [failedToday, stuck] = await Promise.all([
    TryonJob.countDocuments({ status: 'failed', completedAt: { $gte: midnight } }),
    TryonJob.countDocuments(stuckJobsFilter(now)),
  ]);
  return { failedToday, stuck };
}
