import { Types } from 'mongoose';
import { CreditTransaction, TryonJob } from '@/models';
import { dayBounds } from './days';
import type { OrgDaySeriesPoint } from './org-dashboard-types';

/** Days computed at once: each is two small aggregations; a 90-day view stays gentle on the database. */
const BATCH = 6;

/**
 * One UTC day of an organisation (owner id): its try-ons by outcome and the
 * credits its ledger charged net of refunds. Only $match + one-accumulator
 * $group (DESIGN.md: FerretDB computes only the first accumulator, and
 * pipelines use no date operators — so the series is recomputed per day).
 */
async function orgDay(ownerId: Types.ObjectId, day: string): Promise<OrgDaySeriesPoint> {
  const { start, end } = dayBounds(day);
  const inDay = { $gte: start, $lt: end };
  const [jobs, ledger] = await Promise.all([
    TryonJob.aggregate<{ _id: string; n: number }>([
      { $match: { userId: ownerId, createdAt: inDay } },
      { $group: { _id: '$status', n: { $sum: 1 } } },
    ]),
    CreditTransaction.aggregate<{ _id: string; n: number }>([
      { $match: { userId: ownerId, createdAt: inDay, type: { $in: ['usage', 'refund'] } } },
      { $group: { _id: '$type', n: { $sum: '$credits' } } },
    ]),
  ]);
  const status = new Map(jobs.map((r) => [String(r._id), r.n]));
  const credits = new Map(ledger.map((r) => [String(r._id), r.n]));
  return {
    day,
    tryons: jobs.reduce((a, r) => a + r.n, 0),
    completed: status.get('completed') ?? 0,
    failed: status.get('failed') ?? 0,
    // usage entries are negative, refunds positive: used = −(usage + refund).
    creditsUsed: Math.max(0, -((credits.get('usage') ?? 0) + (credits.get('refund') ?? 0))),
  };
}

/** Try-ons and credits per day for the given days (oldest first), of one organisation. */
export async function orgDaySeries(
  orgId: string,
  days: readonly string[],
): Promise<OrgDaySeriesPoint[]> {
  const owner = new Types.ObjectId(orgId);
  const out: OrgDaySeriesPoint[] = [];
  for (let i = 0; i < days.length; i += BATCH) {
    out.push(...(await Promise.all(days.slice(i, i + BATCH).map((d) => orgDay(owner, d)))));
  }
  return out;
}
