import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import sharp from 'sharp';
import { getBalance, grantPurchasedCredits, listTransactionsByCursor } from '@/lib/credits';
import { ensureIndexes } from '@/lib/db';
import { drainInline } from '@/lib/jobs';
import { seed } from '@/lib/seed/seed';
import {
  createTryonJob,
  getTryonJobOrThrow,
  listTryonJobs,
  listTryonJobsByCursor,
  listTryonQuerySchema,
} from '@/lib/tryon';
import { tryonImageResponse } from '@/lib/api/tryon-image-response';
import { Asset, CreditTransaction, User } from '@/models';
import { TryonJob } from '@/models/tryon-job';
// @ts-expect-error -- plain ESM launcher shared with npm run dev and the tests
import { startDatabase, withDatabase } from '../scripts/lib/database.mjs';
import { defineSuite } from './suite';

/**
 * Growth: the per-request reads of one shopper — job status, the result image
 * (a thumbnail and the full image), the credit balance — and the history
 * listing (a page by number with its total, and a page by cursor), with 1,000
 * and then 100,000 jobs, ledger entries and images of OTHER users in the
 * database. A fresh job is submitted after each fill, so the job read is
 * always of the newest row (the worst place for a scan). Ratio = median at
 * 100k ÷ median at 1k; the per-request reads must stay ≤ 1.5.
 *
 * DB_ENGINE=postgresql runs it on FerretDB's PostgreSQL backend (embedded
 * PostgreSQL from npm); GROWTH_SIZES=1000,100000 overrides the sizes.
 */
const SIZES = (process.env.GROWTH_SIZES ?? '1000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const OTHER_USERS = 200;
const BATCH = 2_000;

let db: { uri: string; engine: string; stop: () => Promise<void> } | null = null;
let dataDir = '';
let userId = '';
let jobId = '';
let secondPageCursor = '';
let ledgerCursor = '';
let filled = 0;
const fillMs: Record<string, number> = {};
let photo: Buffer = Buffer.alloc(0);
let garment: Buffer = Buffer.alloc(0);
const others = Array.from({ length: OTHER_USERS }, () => new Types.ObjectId());
const otherSeq = new Map<string, number>();

/** Inserts filler rows of other users up to `n` of each kind, in batches. */
async function fillTo(n: number): Promise<void> {
  const t0 = performance.now();
  const sha = (i: number) => i.toString(16).padStart(64, '0');
  const tiny = Buffer.alloc(64, 7);
  while (filled < n) {
    const count = Math.min(BATCH, n - filled);
    const jobs = [];
    const entries = [];
    const assets = [];
    for (let k = 0; k < count; k++) {
      const i = filled + k;
      const owner = others[i % OTHER_USERS] as Types.ObjectId;
      const oid = owner.toString();
      const seq = (otherSeq.get(oid) ?? 0) + 1;
      otherSeq.set(oid, seq);
      const at = new Date(Date.now() - (n - i) * 1000);
      const assetId = new Types.ObjectId();
      const _id = new Types.ObjectId();
      assets.push({
        _id: assetId,
        ownerId: owner,
        sha256: sha(i),
        kind: 'output',
        contentType: 'image/webp',
        size: tiny.byteLength,
        width: 8,
        height: 8,
        data: tiny,
        createdAt: at,
        updatedAt: at,
      });
      jobs.push({
        _id,
        userId: owner,
        source: { kind: 'web' },
        mode: 'top',
        status: 'completed',
        inputs: { userImageId: assetId, topImageId: assetId },
        outputImageId: assetId,
        creditsUsed: 1,
        clientKey: `${oid}:auto:${_id.toString()}`,
        favorite: i % 10 === 0,
        retryCount: 0,
        queuedAt: at,
        completedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      entries.push({
        _id: `${oid}:${seq}`,
        userId: owner,
        seq,
        type: 'usage',
        credits: -1,
        freeDelta: 0,
        paidDelta: -1,
        freeAfter: 0,
        paidAfter: 1_000_000 - seq,
        balanceAfter: 1_000_000 - seq,
        freeDay: at.toISOString().slice(0, 10),
        description: 'Try-on',
        referenceType: 'tryon_job',
        referenceId: _id.toString(),
        actor: { type: 'user', id: oid },
        idempotencyKey: `usage:${_id.toString()}`,
        createdAt: at,
      });
    }
    await Asset.collection.insertMany(assets, { ordered: false });
    await TryonJob.collection.insertMany(jobs, { ordered: false });
    // Ledger ids are strings (`<owner>:<seq>`); the driver's default typing expects ObjectIds.
    await CreditTransaction.collection.insertMany(
      entries as unknown as Parameters<typeof CreditTransaction.collection.insertMany>[0],
      { ordered: false },
    );
    filled += count;
  }
  fillMs[String(n)] = Math.round(performance.now() - t0);
}

/** A fresh completed job of the shopper (local provider), so the job read is of the newest row. */
async function newJob(): Promise<void> {
  const { job } = await createTryonJob({
    userId,
    source: { kind: 'web' },
    submission: {
      mode: 'top',
      images: { user: photo, top: garment },
      requestHash: `growth-${filled}`,
    },
  });
  await drainInline(120_000);
  jobId = job._id.toString();
  const done = await getTryonJobOrThrow(userId, jobId);
  if (done.status !== 'completed') throw new Error(`bench job ended ${done.status}`);
  const first = await listTryonJobs(userId, listTryonQuerySchema.parse({ limit: '5' }));
  secondPageCursor = first.next_cursor ?? '';
}

const jobs = (q: Record<string, string>) => listTryonQuerySchema.parse(q);

const phases = SIZES.map((n) => ({
  name: n >= 1000 ? `${n / 1000}k` : String(n),
  setup: async () => {
    await fillTo(n);
    await newJob();
  },
}));

export default defineSuite({
  name: process.env.DB_ENGINE === 'postgresql' ? 'growth-postgresql' : 'growth',
  manual: true,
  description: `per-request reads and the listing with ${SIZES.join(' / ')} jobs, ledger entries and images of other users`,
  runs: Number(process.env.GROWTH_RUNS) || 11,
  warmup: 2,
  phases,
  async setup() {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-bench-growth-'));
    db = (await startDatabase({ dataDir })) as typeof db;
    await mongoose.connect(withDatabase(db!.uri, 'trailroom_growth') as string, {
      autoIndex: false,
    });
    await ensureIndexes();
    await seed();
    // Jobs run in-process (inline mode), as in the tests.
    const { registerJobs } = await import('@/inngest/register');
    registerJobs();
    const user = await User.create({ email: 'growth@trailroom.local', provider: 'dev' });
    userId = user._id.toString();
    await grantPurchasedCredits({
      userId,
      credits: 10_000,
      idempotencyKey: 'purchase:growth-bench',
      description: 'bench',
      referenceType: 'payment',
      actor: { type: 'system' },
    });
    const solid = (colour: string) =>
      sharp({ create: { width: 768, height: 1024, channels: 3, background: colour } })
        .jpeg({ quality: 85 })
        .toBuffer();
    [photo, garment] = await Promise.all([solid('#c8a27a'), solid('#1f6feb')]);
    // Some history of the shopper's own, so the listing has pages.
    for (let i = 0; i < 6; i++) await newJob();
    const ledgerFirst = await listTransactionsByCursor(userId, { limit: 2 });
    ledgerCursor = ledgerFirst.nextCursor ?? '';
  },
  async teardown() {
    await drainInline(120_000).catch(() => undefined);
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
    await db?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  },
  meta: () => ({
    engine: db?.engine,
    backend: process.env.DB_ENGINE ?? 'sqlite',
    otherUsers: OTHER_USERS,
    sizes: SIZES,
    fillMs,
  }),
  cases: [
    { name: 'job status (by _id)', fn: () => getTryonJobOrThrow(userId, jobId) },
    {
      name: 'image read, thumbnail w=320',
      fn: async () => {
        const res = await tryonImageResponse(userId, jobId, { width: 320 });
        return res.arrayBuffer();
      },
    },
    {
      name: 'image read, full',
      fn: async () => (await tryonImageResponse(userId, jobId)).arrayBuffer(),
    },
    { name: 'credits balance', fn: () => getBalance(userId) },
    {
      name: 'listing page 1 (page + total)',
      fn: () => listTryonJobs(userId, jobs({ limit: '5' })),
    },
    {
      name: 'listing by cursor (page 2)',
      fn: () =>
        listTryonJobsByCursor(userId, jobs({ limit: '5', starting_after: secondPageCursor })),
    },
    {
      name: 'ledger by cursor (page 2)',
      fn: () => listTransactionsByCursor(userId, { limit: 2, startingAfter: ledgerCursor }),
    },
  ],
});
