import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '@/lib/errors';
import { connectDb } from './connect';

export type InsertOnceResult<T> = { status: 'inserted'; doc: T } | { status: 'existing' };

/**
 * Inserts a document that a unique index allows once: `inserted` for exactly
 * one of any number of concurrent callers, `existing` for the rest. The unique
 * insert is the one write FerretDB applies atomically (its conditional updates
 * are not), so every exactly-once rule here is built on it. FerretDB does not
 * say which unique index refused the insert; callers that have several read
 * to find out.
 */
export async function insertOnce<T>(
  model: Model<T>,
  doc: Record<string, unknown>,
): Promise<InsertOnceResult<T>> {
  await connectDb();
  try {
    // A plain view of `create`: its overloads cannot type `doc` for a generic model.
    const creator = model as unknown as {
      create(doc: Record<string, unknown>): Promise<{ toObject(): unknown }>;
    };
    const created = await creator.create(doc);
    return { status: 'inserted', doc: created.toObject() as T };
  } catch (err) {
    if (isDuplicateKeyError(err)) return { status: 'existing' };
    throw err;
  }
}
