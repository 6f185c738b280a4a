import { PRICING } from '@/lib/pricing/config';
import { CreditTransaction, Payment, TryonJob, User } from '@/models';
import type { DailyMetric } from '@/models/daily-stat';
import { dayBounds } from './days';

export type DayFigures = Record<DailyMetric, number>;

export interface DayStats extends DayFigures {
  day: string;
}

/** Counts grouped by one field: one accumulator per $group (FerretDB computes only the first). */
async function countBy(
  model: typeof TryonJob | typeof CreditTransaction,
  match: Record<string, unknown>,
  field: string,
  sum: string | number = 1,
): Promise<Map<string, number>> {
  const rows = await (model as typeof TryonJob).aggregate<{ _id: unknown; n: number }>([
    { $match: match },
    { $group: { _id: `$${field}`, n: { $sum: sum } } },
  ]);
  return new Map(rows.map((r) => [String(r._id), r.n]));
}

/** Nearest-rank percentile of completed jobs' processing time in a window, sorted by the database. */
export async function processingPercentile(
  range: { start: Date; end: Date },
  p: number,
): Promise<{ count: number; value: number | null }> {
  const match = {
    createdAt: { $gte: range.start, $lt: range.end },
    status: 'completed' as const,
    processingMs: { $gte: 0 },
  };
  const count = await TryonJob.countDocuments(match);
  if (count === 0) return { count, value: null };
  const rank = Math.max(1, Math.ceil(p * count));
  const [doc] = await TryonJob.find(match, { processingMs: 1 })
    .sort({ processingMs: 1 })
    .skip(rank - 1)
    .limit(1)
    .lean();
  return { count, value: doc?.processingMs ?? null };
}

/** Distinct people who started a try-on in a window. */
export async function distinctActiveUsers(range: { start: Date; end: Date }): Promise<number> {
  const rows = await TryonJob.aggregate<{ n: number }>([
    { $match: { createdAt: { $gte: range.start, $lt: range.end } } },
    { $group: { _id: '$userId' } },
    { $group: { _id: null, n: { $sum: 1 } } },
  ]);
  return rows[0]?.n ?? 0;
}

/**
 * Every figure of one UTC day, recomputed from the source collections:
 * users (signups), try-on jobs by the day they were submitted (outcome,
 * processing time, distinct people), ledger entries by the day they were
 * written (credits), payments by the day they were paid (revenue, in the
 * pricing currency). Only $match/$group/$sort/$skip/$limit, which FerretDB
 * supports.
 */
export async function computeDayStats(day: string): Promise<DayStats> {
  const range = dayBounds(day);
  const inDay = { $gte: range.start, $lt: range.end };
  const [signups, jobs, activeUsers, processingTotal, p95, credits, revenue, payments, modes] =
    await Promise.all([
      User.countDocuments({ createdAt: inDay }),
      countBy(TryonJob, { createdAt: inDay }, 'status'),
      distinctActiveUsers(range),
      TryonJob.aggregate<{ n: number }>([
        { $match: { createdAt: inDay, status: 'completed', processingMs: { $gte: 0 } } },
        { $group: { _id: null, n: { $sum: '$processingMs' } } },
      ]),
      processingPercentile(range, 0.95),
      countBy(CreditTransaction, { createdAt: inDay }, 'type', '$credits'),
      Payment.aggregate<{ n: number }>([
        { $match: { paidAt: inDay, currency: PRICING.currency } },
        { $group: { _id: null, n: { $sum: '$amountCents' } } },
      ]),
      Payment.countDocuments({ paidAt: inDay, currency: PRICING.currency }),
      countBy(TryonJob, { createdAt: inDay }, 'mode'),
    ]);
  const status = (s: string) => jobs.get(s) ?? 0;
  return {
    day,
    signups,
    tryonsCreated: [...jobs.values()].reduce((a, b) => a + b, 0),
    tryonsCompleted: status('completed'),
    tryonsFailed: status('failed'),
    tryonsCanceled: status('canceled'),
    activeUsers,
    processedJobs: p95.count,
    processingMsTotal: processingTotal[0]?.n ?? 0,
    processingMsP95: p95.value ?? 0,
    creditsSpent: -(credits.get('usage') ?? 0),
    creditsRefunded: credits.get('refund') ?? 0,
    creditsPurchased: credits.get('purchase') ?? 0,
    revenueCents: revenue[0]?.n ?? 0,
    payments,
    tryonsTop: modes.get('top') ?? 0,
    tryonsFull: modes.get('full') ?? 0,
    tryonsOnePiece: modes.get('one_piece') ?? 0,
  };
}
