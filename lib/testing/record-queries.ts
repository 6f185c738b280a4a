import mongoose from 'mongoose';

/**
 * Test helper: records the filter of every query Mongoose sends while `fn`
 * runs (through `mongoose.set('debug', …)`), so a test can assert the shape
 * of a read — e.g. that a per-request read is by `_id` alone, which every
 * engine answers from the primary key at any data size.
 */
export interface RecordedQuery {
  collection: string;
  method: string;
  filter: Record<string, unknown>;
}

export async function recordQueries<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; queries: RecordedQuery[] }> {
  const queries: RecordedQuery[] = [];
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    const first = args[0];
    queries.push({
      collection,
      method,
      filter:
        typeof first === 'object' && first !== null && !Array.isArray(first)
          ? (first as Record<string, unknown>)
          : {},
    });
  });
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    mongoose.set('debug', false);
  }
}

/** The field names of each recorded filter on one collection, e.g. `[['_id'], ['_id']]`. */
export function filterKeys(queries: RecordedQuery[], collection: string): string[][] {
  return queries
    .filter((q) => q.collection === collection && q.method !== 'createIndex')
    .map((q) => Object.keys(q.filter).sort());
}
