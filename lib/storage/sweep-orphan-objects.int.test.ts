import { afterAll, describe, expect, it } from 'vitest';
import { startS3Server } from '@/lib/testing/s3-server';

// A real S3-API server (versitygw), and lib/env pointed at it before any app
// module loads (imported dynamically).
const s3 = await startS3Server();
Object.assign(process.env, s3.env);

const { Types } = await import('mongoose');
const sharp = (await import('sharp')).default;
const { Asset, User } = await import('@/models');
const { env } = await import('@/lib/env');
const { normalizeImage } = await import('@/lib/images');
const storage = await import('./index');
const { objectExists, putObject, sha256Hex } = await import('./object-store');

afterAll(async () => {
  await s3.stop();
});

async function image(colour: string) {
  return normalizeImage(
    await sharp({ create: { width: 320, height: 320, channels: 3, background: colour } })
      .png()
      .toBuffer(),
  );
}

describe('sweepOrphanObjects: bucket objects without their asset document', () => {
  it('deletes orphans past the grace period and nothing else', async () => {
    env.STORAGE_DRIVER = 's3';
    const owner = (
      await User.create({ email: `orphans-${Date.now()}@example.test` })
    )._id.toString();

    // A live asset: its object stays.
    const live = await storage.putImage({
      ownerId: owner,
      kind: 'input',
      image: await image('#112233'),
    });
    const keyOf = async (id: string) =>
      (await Asset.findById(id, { objectKey: 1 }).lean())?.objectKey ?? '';
    const liveKey = await keyOf(live.id);
    // An asset whose document went while its object stayed (a bucket delete that failed).
    const gone = await storage.putImage({
      ownerId: owner,
      kind: 'input',
      image: await image('#445566'),
    });
    const goneKey = await keyOf(gone.id);
    await Asset.deleteOne({ _id: gone.id });
    // An upload whose document was never written (a crash in between).
    const bytes = Buffer.from('never indexed');
    const strayKey = storage.objectKeyFor(owner, sha256Hex(bytes), new Types.ObjectId().toString());
    await putObject(strayKey, bytes, { sha256: sha256Hex(bytes), contentType: 'image/webp' });
    // A key this code did not write: never ours to delete.
    const foreignKey = 'exports/report.csv';
    const foreign = Buffer.from('a,b\n');
    await putObject(foreignKey, foreign, { sha256: sha256Hex(foreign), contentType: 'text/csv' });

    for (const key of [liveKey, goneKey, strayKey, foreignKey])
      expect(await objectExists(key)).toBe(true);

    // Within the grace period (everything was just written): nothing goes.
    const young = await storage.sweepOrphanObjects();
    expect(young.deleted).toBe(0);
    expect(young.scanned).toBeGreaterThanOrEqual(3);
    expect(await objectExists(strayKey)).toBe(true);

    // Once the grace period has passed (the cutoff moves, the objects' times are the server's).
    const later = await storage.sweepOrphanObjects({ olderThan: new Date(Date.now() + 60_000) });
    expect(later.deleted).toBe(2);
    expect(await objectExists(goneKey)).toBe(false);
    expect(await objectExists(strayKey)).toBe(false);
    expect(await objectExists(liveKey)).toBe(true);
    expect(await objectExists(foreignKey)).toBe(true);
    const read = await storage.getImageForOwner(live.id, owner);
    expect(read.data.length).toBeGreaterThan(0);

    // Idempotent: a second sweep finds nothing more.
    expect(
      (await storage.sweepOrphanObjects({ olderThan: new Date(Date.now() + 60_000) })).deleted,
    ).toBe(0);
  });
});
