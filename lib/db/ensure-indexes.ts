import { ALL_MODELS } from '@/models';
import { connectDb } from './connect';

/** Creates every model's indexes (idempotent). Run by the seed and test setup. */
export async function ensureIndexes(): Promise<void> {
  await connectDb();
  for (const model of ALL_MODELS) {
    await model.createCollection().catch(() => undefined);
    await model.createIndexes();
  }
}
