import mongoose from 'mongoose';
import { isDuplicateKeyError } from '@/lib/errors';

export type InsertOnceResult<T> = { status: 'inserted'; doc: T } | { status: 'existing' };

/**
 * A model, by name. The primitives take this tiny structural type, not
 * `Model<T>`: checking a concrete Mongoose model against a generic `Model<T>`
 * made tsc compare the whole model types (minutes and gigabytes).
 */
export interface NamedModel {
  modelName: string;
}

/**
 * Inserts a document that a unique index allows once: `inserted` for exactly
 * one of any number of concurrent callers, `existing` for the rest. The unique
 * insert is the one write FerretDB applies atomically (its conditional updates
 * are not), so every exactly-once rule here is built on it. FerretDB does not
 * say which unique index refused the insert; callers that have several read
 * to find out.
 */
export async function insertOnce<T = unknown>(
  model: NamedModel,
  doc: Record<string, unknown>,
): Promise<InsertOnceResult<T>> {
  try {
    const created = await mongoose.model(model.modelName).create(doc);
    return { status: 'inserted', doc: created.toObject() as T };
  } catch (err) {
    if (isDuplicateKeyError(err)) return { status: 'existing' };
    throw err;
  }
}
