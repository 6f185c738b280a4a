import type { Model, PipelineStage } from 'mongoose';

/**
 * `$group` with several `$sum` accumulators, portable to FerretDB 1.24, which
 * computes only the FIRST accumulator of a `$group` correctly (the others come
 * back as 0 — measured; see docs/architecture.md). Runs one single-accumulator
 * pipeline per field and merges the rows by group key.
 */
export async function groupSums<K extends string>(
  model: Model<never> | Model<unknown> | Model<Record<string, unknown>>,
  opts: {
    match?: Record<string, unknown>;
    by: string | Record<string, string>;
    sums: Record<K, string | number>;
  },
): Promise<Array<{ _id: unknown } & Record<K, number>>> {
  const rows = new Map<string, { _id: unknown } & Record<string, number>>();
  const fields = Object.keys(opts.sums) as K[];
  for (const field of fields) {
    const pipeline: PipelineStage[] = [
      ...(opts.match ? [{ $match: opts.match } as PipelineStage] : []),
      { $group: { _id: opts.by, [field]: { $sum: opts.sums[field] } } } as PipelineStage,
    ];
    const result = await (model as Model<unknown>).aggregate<
      { _id: unknown } & Record<string, number>
    >(pipeline);
    for (const r of result) {
      const key = JSON.stringify(r._id);
      const row = rows.get(key) ?? ({ _id: r._id } as { _id: unknown } & Record<string, number>);
      row[field] = r[field] ?? 0;
      rows.set(key, row);
    }
  }
  for (const row of rows.values()) for (const f of fields) row[f] ??= 0;
  return [...rows.values()] as Array<{ _id: unknown } & Record<K, number>>;
}
