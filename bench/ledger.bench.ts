import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { User } from '@/models';
import { ensureIndexes } from '@/lib/db';
import { grantPurchasedCredits, spendCredits } from '@/lib/credits';
// @ts-expect-error -- plain ESM launcher shared with npm run dev and the tests
import { startDatabase, withDatabase } from '../scripts/lib/database.mjs';
import { defineSuite } from './suite';

/**
 * Ledger spends against the cheapest possible balance change on the same
 * server in the same run: one `findOneAndUpdate` with a guarded `$inc` on a
 * single document (which is NOT safe on FerretDB under concurrency — that is
 * why the ledger exists — but is the floor for "one write per spend").
 * Each run performs 100 operations one after another, then 100 at once.
 */
const OPS = 100;
let db: { uri: string; engine: string; stop: () => Promise<void> } | null = null;
let dataDir = '';
let userId = '';
let raw: mongoose.mongo.Collection<{ _id: string; credits: number }> | null = null;
let n = 0;

const sys = { type: 'system' } as const;
const spend = () => {
  n += 1;
  return spendCredits({
    userId,
    credits: 1,
    idempotencyKey: `usage:bench-${n}`,
    description: 'bench',
    referenceType: 'tryon_job',
    actor: sys,
  });
};
const rawSpend = () =>
  raw!.findOneAndUpdate({ _id: 'bench', credits: { $gte: 1 } }, { $inc: { credits: -1 } });

export default defineSuite({
  name: 'ledger',
  description: `${OPS} spends per run: ledger spendCredits vs a raw single-document findOneAndUpdate`,
  runs: 10,
  warmup: 1,
  opsPerRun: OPS,
  baseline: 'raw findOneAndUpdate, sequential',
  async setup() {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-bench-ledger-'));
    db = (await startDatabase({ dataDir })) as typeof db;
    await mongoose.connect(withDatabase(db!.uri, 'trailroom_bench_ledger') as string, {
      autoIndex: false,
    });
    await ensureIndexes();
    const user = await User.create({ email: 'ledger-bench@trailroom.local' });
    userId = user._id.toString();
    await grantPurchasedCredits({
      userId,
      credits: 10_000_000,
      idempotencyKey: 'purchase:bench',
      description: 'bench',
      referenceType: 'payment',
      actor: sys,
    });
    raw = mongoose.connection.db!.collection<{ _id: string; credits: number }>('bench_raw');
    await raw.insertOne({ _id: 'bench', credits: 10_000_000 });
  },
  async teardown() {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
    await db?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  },
  meta: () => ({ engine: db?.engine, opsPerRun: OPS }),
  cases: [
    {
      name: 'raw findOneAndUpdate, sequential',
      fn: async () => {
        for (let i = 0; i < OPS; i += 1) await rawSpend();
      },
    },
    {
      name: 'spendCredits, sequential',
      fn: async () => {
        for (let i = 0; i < OPS; i += 1) await spend();
      },
    },
    {
      name: 'raw findOneAndUpdate, 100 concurrent',
      baseline: 'raw findOneAndUpdate, 100 concurrent',
      fn: () => Promise.all(Array.from({ length: OPS }, rawSpend)),
    },
    {
      name: 'spendCredits, 100 concurrent',
      baseline: 'raw findOneAndUpdate, 100 concurrent',
      fn: () => Promise.all(Array.from({ length: OPS }, spend)),
    },
  ],
});
