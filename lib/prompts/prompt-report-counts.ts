import { Types } from 'mongoose';
import { TryonReport } from '@/models/tryon-report';

/**
 * Jobs reported "not right" per instruction prompt version (distinct jobs,
 * however many reports each has). One `$group` on a compound key with a
 * single accumulator, then counted here (FerretDB computes only the first
 * accumulator of a group and has no `$addToSet` count).
 */
export async function promptReportCounts(
  promptIds: readonly string[],
): Promise<Map<string, number>> {
  const ids = promptIds
    .filter((id) => Types.ObjectId.isValid(id))
    .map((id) => new Types.ObjectId(id));
  const counts = new Map<string, number>();
  if (!ids.length) return counts;
  const rows = await TryonReport.aggregate<{ _id: { p: Types.ObjectId; j: Types.ObjectId } }>([
    { $match: { promptId: { $in: ids } } },
    { $group: { _id: { p: '$promptId', j: '$jobId' }, n: { $sum: 1 } } },
  ]);
  for (const r of rows) {
    const key = r._id.p.toString();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
