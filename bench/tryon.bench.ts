import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { normalizeImage } from '@/lib/images';
import { photoLikeJpeg } from '@/lib/testing/image-fixtures';
import { drainInline } from '@/lib/jobs';
import { createTryonJob, type TryonSubmission } from '@/lib/tryon';
import { createUser, givePaidCredits, seedPrompts } from '@/lib/testing/tryon-fixtures';
// @ts-expect-error -- plain ESM launcher shared with npm run dev and the tests
import { startDatabase, withDatabase } from '../scripts/lib/database.mjs';
import { defineSuite } from './suite';

/**
 * Submit latency of a try-on, generation excluded: createTryonJob end to end
 * (balance check, intake of both photos, content-addressed storage, job
 * insert, ledger spend, event dispatch — the inline run is not awaited)
 * against the bare intake of the same two photos in the same run. The ratio
 * is the price of everything around the image work. After each submit the
 * background generation (local compositor) is awaited untimed, so it never
 * overlaps a timed run.
 */
let db: { uri: string; engine: string; stop: () => Promise<void> } | null = null;
let dataDir = '';
let userId = '';
let person: Buffer = Buffer.alloc(0);
let garment: Buffer = Buffer.alloc(0);
let seq = 0;

function submission(): TryonSubmission {
  seq += 1;
  return { mode: 'top', images: { user: person, top: garment }, requestHash: `bench-${seq}` };
}

export default defineSuite({
  name: 'tryon-submit',
  description: 'createTryonJob (dispatch not awaited) vs intake of the same two 2048 px JPEGs',
  runs: 15,
  warmup: 2,
  baseline: 'normalizeImage ×2 (bare intake)',
  async setup() {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-bench-db-'));
    db = (await startDatabase({ dataDir })) as typeof db;
    // lib/db reuses an open Mongoose connection, so the bench needs no MONGODB_URI.
    await mongoose.connect(withDatabase(db!.uri, 'trailroom_bench') as string, {
      autoIndex: false,
    });
    await seedPrompts();
    userId = await createUser('bench@trailroom.local');
    await givePaidCredits(userId, 10_000);
    // What the studio uploads: photos downscaled in the browser to ≤ 2048 px JPEG.
    person = await photoLikeJpeg(1536, 2048, 88);
    garment = await photoLikeJpeg(1536, 2048, 88);
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
    person: { width: 1536, height: 2048, bytes: person.byteLength },
    garment: { width: 1536, height: 2048, bytes: garment.byteLength },
  }),
  cases: [
    {
      name: 'normalizeImage ×2 (bare intake)',
      fn: () => Promise.all([normalizeImage(person), normalizeImage(garment)]),
    },
    {
      name: 'createTryonJob (submit, 202)',
      fn: () => createTryonJob({ userId, source: { kind: 'web' }, submission: submission() }),
      // Untimed: the background generation finishes before the next timed run starts.
      settle: () => drainInline(120_000),
    },
  ],
});
