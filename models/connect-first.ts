import type { MongooseQueryMiddleware, Schema } from 'mongoose';
import { connectDb } from '@/lib/db/connect';

/**
 * Every model operation waits for the one connection of the process first, so
 * domain code never calls `connectDb()`: the first query opens the connection
 * (lazily, so a process whose database was down at start recovers on the next
 * request; an unreachable server still fails with `service_unavailable`) and
 * every later one finds it open (`connectDb()` is a readyState check then).
 * Code that talks to the driver directly (`connection.db`, index builds) still
 * calls `connectDb()`. Each model applies it; models.test.ts checks that.
 */
const QUERIES: MongooseQueryMiddleware[] = [
  'countDocuments',
  'deleteMany',
  'deleteOne',
  'distinct',
  'estimatedDocumentCount',
  'find',
  'findOne',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndUpdate',
  'replaceOne',
  'updateMany',
  'updateOne',
];

async function connected(): Promise<void> {
  await connectDb();
}

export function connectFirst(schema: Schema): void {
  schema.pre(QUERIES, { query: true, document: false }, connected);
  schema.pre('save', connected);
  schema.pre('aggregate', connected);
  schema.pre('insertMany', connected);
  schema.pre('bulkWrite', connected);
  (schema as Schema & { $connectFirst?: true }).$connectFirst = true;
}

/** Whether a schema waits for the connection (see connectFirst). */
export function waitsForConnection(schema: Schema): boolean {
  return (schema as Schema & { $connectFirst?: true }).$connectFirst === true;
}
