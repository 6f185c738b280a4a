import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { User } from '@/models';
import { env } from '@/lib/env';
import { ensureIndexes } from '@/lib/db';
import { normalizeImage } from '@/lib/images';
import { photoLikeJpeg } from '@/lib/testing/image-fixtures';
import { readImageForRequest } from '@/lib/api/read-image-for-request';
import { putImage } from '@/lib/storage';
import { startS3Server, type S3TestServer } from '@/lib/testing/s3-server';
// @ts-expect-error -- plain ESM launcher shared with npm run dev and the tests
import { startDatabase, withDatabase } from '../scripts/lib/database.mjs';
import { defineSuite } from './suite';

/**
 * Image read latency through the owner-checked read behind GET
 * /api/assets/[id] (`readImageForRequest`: find by _id, owner check, bytes,
 * response), one image stored in MongoDB vs the same-size image in an S3
 * bucket (versitygw on 127.0.0.1, posix backend), both against the same
 * database in the same run. Each run reads each image OPS times in a row.
 * A local bucket has no network latency: a cloud bucket adds its round trip.
 */
const OPS = 20;
let db: { uri: string; engine: string; stop: () => Promise<void> } | null = null;
let s3: S3TestServer | null = null;
let dataDir = '';
let mongoAsset = { assetId: '', callerId: '' };
let s3Asset = { assetId: '', callerId: '' };
let bytes = 0;

async function readAll(asset: { assetId: string; callerId: string }) {
  let total = 0;
  for (let i = 0; i < OPS; i++) {
    const res = await readImageForRequest(asset);
    total += (await res.arrayBuffer()).byteLength;
  }
  if (total !== bytes * OPS) throw new Error('short read');
  return total;
}

export default defineSuite({
  name: 'storage',
  description: `image read (readImageForRequest, ${OPS} per run): MongoDB store vs S3 store (local versitygw)`,
  runs: 10,
  warmup: 2,
  opsPerRun: OPS,
  baseline: 'mongodb store',
  async setup() {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'trailroom-bench-storage-'));
    db = (await startDatabase({ dataDir })) as typeof db;
    s3 = await startS3Server('trailroom-bench');
    await mongoose.connect(withDatabase(db!.uri, 'trailroom_bench_storage') as string, {
      autoIndex: false,
    });
    await ensureIndexes();
    // lib/env was loaded before the server existed: point it at the bucket now.
    Object.assign(env, {
      S3_BUCKET: s3.env.S3_BUCKET,
      S3_REGION: s3.env.S3_REGION,
      S3_ENDPOINT: s3.env.S3_ENDPOINT,
      S3_ACCESS_KEY_ID: s3.env.S3_ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: s3.env.S3_SECRET_ACCESS_KEY,
      S3_FORCE_PATH_STYLE: true,
    });
    // The same try-on-output-sized image (1536 px WebP) for two owners, so
    // content addressing keeps two assets with identical bytes, one per store.
    const image = await normalizeImage(await photoLikeJpeg(1536, 1152, 90));
    bytes = image.size;
    const store = async (driver: 'mongodb' | 's3', email: string) => {
      const callerId = (await User.create({ email }))._id.toString();
      env.STORAGE_DRIVER = driver;
      const { id } = await putImage({ ownerId: callerId, kind: 'output', image });
      return { assetId: id, callerId };
    };
    mongoAsset = await store('mongodb', 'storage-bench-mongo@trailroom.local');
    s3Asset = await store('s3', 'storage-bench-s3@trailroom.local');
    env.STORAGE_DRIVER = 'mongodb';
  },
  meta: () => ({ imageBytes: bytes, readsPerRun: OPS }),
  cases: [
    { name: 'mongodb store', fn: () => readAll(mongoAsset) },
    { name: 's3 store', fn: () => readAll(s3Asset) },
  ],
  async teardown() {
    await mongoose.disconnect();
    await s3?.stop();
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});
