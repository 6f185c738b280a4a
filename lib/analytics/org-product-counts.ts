import { Types } from 'mongoose';
import { TryonJob } from '@/models';
import type { OrgProductCount } from './org-dashboard-types';

/**
 * Try-ons per catalog product (by SKU) of an organisation in `[start, end)`,
 * most tried first: one aggregation for all try-ons and one for the
 * completed ones (one accumulator per $group, for FerretDB).
 */
export async function orgProductCounts(
  orgId: string,
  range: { start: Date; end: Date },
  limit = 20,
): Promise<OrgProductCount[]> {
  const match = {
    userId: new Types.ObjectId(orgId),
    createdAt: { $gte: range.start, $lt: range.end },
    sku: { $type: 'string' },
  };
  const [all, completed] = await Promise.all([
    TryonJob.aggregate<{ _id: string; n: number }>([
      { $match: match },
      { $group: { _id: '$sku', n: { $sum: 1 } } },
    ]),
    TryonJob.aggregate<{ _id: string; n: number }>([
      { $match: { ...match, status: 'completed' } },
      { $group: { _id: '$sku', n: { $sum: 1 } } },
    ]),
  ]);
  const done = new Map(completed.map((r) => [String(r._id), r.n]));
  return all
    .map((r) => ({ sku: String(r._id), tryons: r.n, completed: done.get(String(r._id)) ?? 0 }))
    .sort((a, b) => b.tryons - a.tryons || a.sku.localeCompare(b.sku))
    .slice(0, limit);
}
