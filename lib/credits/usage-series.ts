import { CreditTransaction } from '@/models';
import { ledgerNow, toObjectId } from './ledger';
import { utcDay } from './utc-day';

export interface UsagePoint {
  day: string;
  spent: number;
  refunded: number;
  added: number;
  /** Taken back by chargebacks or admin corrections. */
  removed: number;
}

/**
 * Credits spent, refunded and added per UTC day over the last `days` days,
 * oldest first, with a point for every day (zeros included) so charts have
 * no gaps. Groups by the entry's stored UTC day (`freeDay`), which keeps the
 * pipeline within what FerretDB supports (no date operators).
 */
export async function usageSeries(userId: string, days = 30): Promise<UsagePoint[]> {
  const now = ledgerNow();
  const dayList: string[] = [];
  for (let i = days - 1; i >= 0; i -= 1)
    dayList.push(utcDay(new Date(now.getTime() - i * 86_400_000)));
  const rows = await CreditTransaction.aggregate<{
    _id: { day: string; type: string };
    credits: number;
  }>([
    { $match: { userId: toObjectId(userId), freeDay: { $gte: dayList[0] } } },
    { $group: { _id: { day: '$freeDay', type: '$type' }, credits: { $sum: '$credits' } } },
  ]);
  const byDay = new Map(
    dayList.map((d) => [d, { day: d, spent: 0, refunded: 0, added: 0, removed: 0 }]),
  );
  for (const r of rows) {
    const point = byDay.get(r._id.day);
    if (!point) continue;
    if (r._id.type === 'usage') point.spent += -r.credits;
    else if (r._id.type === 'refund') point.refunded += r.credits;
    else if (r.credits > 0) point.added += r.credits;
    else point.removed += -r.credits;
  }
  return [...byDay.values()];
}
