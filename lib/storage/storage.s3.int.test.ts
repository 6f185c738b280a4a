import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startS3Server } from '@/lib/testing/s3-server';

// A real S3-API server (versitygw, posix backend: one file per object), and
// lib/env pointed at it before any app module loads (imported dynamically).
const s3 = await startS3Server();
Object.assign(process.env, s3.env);

const { Types } = await import('mongoose');
const { NextRequest } = await import('next/server');
const { encode } = await import('next-auth/jwt');
const { Asset, User } = await import('@/models');
const { env, authSecret } = await import('@/lib/env');
const storage = await import('./index');
const { objectExists } = await import('./object-store');
const { deleteAccount } = await import('@/lib/users');
const { GET } = await import('@/app/api/assets/[id]/route');
const { defineStorageSuite, freshImage, newUser, newJob, ageAsset } =
  await import('@/lib/testing/storage-suite');

afterAll(async () => {
  await s3.stop();
});

/** The object's file in the server's store (the posix backend keeps keys as paths). */
function objectFile(key: string): string {
  return path.join(s3.root, key);
}

async function rawAsset(id: string) {
  return (await Asset.collection.findOne({ _id: new Types.ObjectId(id) })) as {
    data?: { buffer: Uint8Array };
    objectKey?: string;
    sha256: string;
  } | null;
}

defineStorageSuite('s3');

describe('S3 driver: bytes in the bucket, the document as index', () => {
  it('put, get and delete round-trip through the bucket', async () => {
    const owner = await newUser();
    const img = await freshImage();
    const put = await storage.putImage({ ownerId: owner, kind: 'input', image: img });
    const key = (await rawAsset(put.id))?.objectKey ?? '';
    expect(key).toBe(storage.objectKeyFor(owner, img.sha256, put.id));
    // The server holds exactly our bytes (content address checked on the way in).
    const onDisk = readFileSync(objectFile(key));
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(img.sha256);

    const got = await storage.getImageForOwner(put.id, owner);
    expect(got.data.equals(img.data)).toBe(true);

    expect((await storage.deleteImagesIfUnused([put.id], owner)).deleted).toEqual([put.id]);
    expect(await Asset.exists({ _id: put.id })).toBeNull();
    expect(await objectExists(key)).toBe(false);
  });

  it('a re-upload of the same bytes reuses the asset and writes nothing new', async () => {
    const owner = await newUser();
    const img = await freshImage();
    const a = await storage.putImage({ ownerId: owner, kind: 'input', image: img });
    const b = await storage.putImage({ ownerId: owner, kind: 'input', image: img });
    expect(b.id).toBe(a.id);
  });

  it('an asset indexed but missing from the bucket reads as not_found, not a 500', async () => {
    const owner = await newUser();
    const put = await storage.putImage({
      ownerId: owner,
      kind: 'input',
      image: await freshImage(),
    });
    const { deleteObjects } = await import('./object-store');
    await deleteObjects([(await rawAsset(put.id))?.objectKey ?? '']);
    const err = await storage.getImageForOwner(put.id, owner).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not_found' });
  });

  it('retention deletes the objects of the documents it deletes, keeps the others', async () => {
    const owner = await newUser();
    const day = 24 * 3600 * 1000;
    const old = await storage.putImage({
      ownerId: owner,
      kind: 'input',
      image: await freshImage(),
    });
    const reused = await storage.putImage({
      ownerId: owner,
      kind: 'input',
      image: await freshImage(),
    });
    for (const a of [old, reused]) await ageAsset(a.id, new Date(Date.now() - 40 * day));
    await newJob(owner, { user: reused.id, top: reused.id });
    const [oldKey, reusedKey] = [
      (await rawAsset(old.id))?.objectKey ?? '',
      (await rawAsset(reused.id))?.objectKey ?? '',
    ];
    const res = await storage.deleteExpiredImages(new Date(Date.now() - 30 * day));
    expect(res.deleted).toBeGreaterThanOrEqual(1);
    expect(await objectExists(oldKey)).toBe(false);
    expect(existsSync(objectFile(oldKey))).toBe(false);
    expect(await objectExists(reusedKey)).toBe(true);
  });

  it('account deletion removes every object of the owner, and only theirs', async () => {
    const [gone, stays] = [await newUser(), await newUser()];
    const img = await freshImage();
    const mine = await storage.putImage({ ownerId: gone, kind: 'input', image: img });
    const out = await storage.putImage({
      ownerId: gone,
      kind: 'output',
      image: await freshImage(),
    });
    const theirs = await storage.putImage({ ownerId: stays, kind: 'input', image: img });
    const keys = await Promise.all(
      [mine, out, theirs].map(async (a) => (await rawAsset(a.id))?.objectKey ?? ''),
    );
    const result = await deleteAccount({ userId: gone });
    expect(result.removed.assets).toBe(2);
    expect(await objectExists(keys[0] ?? '')).toBe(false);
    expect(await objectExists(keys[1] ?? '')).toBe(false);
    expect(await objectExists(keys[2] ?? '')).toBe(true);
  });
});

describe('GET /api/assets/[id] on the S3 driver (bytes streamed through the owner-checked route)', () => {
  async function withCookie() {
    const u = await User.create({ email: `u${new Types.ObjectId().toString()}@example.com` });
    const token = await encode({ token: { uid: u._id.toString(), sv: 0 }, secret: authSecret() });
    return { id: u._id.toString(), cookie: `next-auth.session-token=${token}` };
  }
  function get(p: string, headers: Record<string, string> = {}) {
    const req = new NextRequest(new URL(p, 'http://localhost:3000'), { headers });
    const id = new URL(p, 'http://x').pathname.split('/').pop() ?? '';
    return GET(req, { params: Promise.resolve({ id }) });
  }

  it('serves the owner, 404s anyone else, honours a signed link and answers 304 without a GET', async () => {
    const [owner, other] = [await withCookie(), await withCookie()];
    const img = await freshImage();
    const put = await storage.putImage({ ownerId: owner.id, kind: 'output', image: img });

    const mine = await get(`/api/assets/${put.id}`, { cookie: owner.cookie });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('etag')).toBe(`"${img.sha256}"`);
    expect(mine.headers.get('content-length')).toBe(String(img.data.byteLength));
    expect(Buffer.from(await mine.arrayBuffer()).equals(img.data)).toBe(true);

    const theirs = await get(`/api/assets/${put.id}`, { cookie: other.cookie });
    expect(theirs.status).toBe(404);

    const signed = await get(storage.signImageUrl(put.id, 60));
    expect(signed.status).toBe(200);
    expect(Buffer.from(await signed.arrayBuffer()).equals(img.data)).toBe(true);

    const cached = await get(`/api/assets/${put.id}`, {
      cookie: owner.cookie,
      'if-none-match': `"${img.sha256}"`,
    });
    expect(cached.status).toBe(304);
  });
});

describe('storage:migrate (mongodb ⇄ s3)', () => {
  async function storeInMongo(n: number) {
    const owner = await newUser();
    env.STORAGE_DRIVER = 'mongodb';
    try {
      const out: Array<{ id: string; sha256: string; data: Buffer }> = [];
      for (let i = 0; i < n; i++) {
        const image = await freshImage();
        const put = await storage.putImage({ ownerId: owner, kind: 'input', image });
        out.push({ id: put.id, sha256: image.sha256, data: image.data });
      }
      return { owner, images: out };
    } finally {
      env.STORAGE_DRIVER = 's3';
    }
  }

  async function expectAllReadable(owner: string, images: Array<{ id: string; data: Buffer }>) {
    for (const img of images) {
      const got = await storage.getImageForOwner(img.id, owner);
      expect(got.data.equals(img.data)).toBe(true);
      expect(createHash('sha256').update(got.data).digest('hex')).toBe(got.sha256);
    }
  }

  it('moves to the bucket and back, preserving bytes and sha256; resumable and idempotent', async () => {
    const { owner, images } = await storeInMongo(5);
    const ids = images.map((i) => i.id);

    // Stopped after 2 (as if killed): those two are in the bucket, the rest untouched.
    const first = await storage.migrateImages({ to: 's3', limit: 2, batchSize: 2 });
    expect(first).toMatchObject({ moved: 2, done: false });
    const states = await Promise.all(ids.map(rawAsset));
    expect(states.filter((s) => s?.objectKey && !s.data)).toHaveLength(2);
    expect(states.filter((s) => s?.data && !s.objectKey)).toHaveLength(3);
    await expectAllReadable(owner, images);

    // The re-run continues from the marker.
    const progress: number[] = [];
    const rest = await storage.migrateImages({
      to: 's3',
      batchSize: 2,
      onProgress: (p) => progress.push(p.scanned),
    });
    expect(rest).toMatchObject({ moved: 3, completed: 0, done: true, corrupt: [] });
    expect(rest.total).toBe(3);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (const s of await Promise.all(ids.map(rawAsset))) {
      expect(s?.data).toBeUndefined();
      const file = readFileSync(objectFile(s?.objectKey ?? 'missing'));
      expect(createHash('sha256').update(file).digest('hex')).toBe(s?.sha256);
    }
    await expectAllReadable(owner, images);

    // Twice changes nothing.
    expect(await storage.migrateImages({ to: 's3' })).toMatchObject({
      moved: 0,
      completed: 0,
      done: true,
    });

    // A half-moved asset (both copies, as after a kill between the steps) is completed.
    const half = images[0];
    if (!half) throw new Error('no image');
    await Asset.collection.updateOne(
      { _id: new Types.ObjectId(half.id) },
      { $set: { data: half.data } },
    );
    expect(await storage.migrateImages({ to: 's3' })).toMatchObject({ moved: 0, completed: 1 });
    expect((await rawAsset(half.id))?.data).toBeUndefined();

    // And back: every s3 asset in this database (also the suites' above) returns to MongoDB.
    const keys = (await Promise.all(ids.map(rawAsset))).map((s) => s?.objectKey ?? '');
    const back1 = await storage.migrateImages({ to: 'mongodb', limit: 2 });
    expect(back1).toMatchObject({ moved: 2, done: false });
    const back2 = await storage.migrateImages({ to: 'mongodb' });
    expect(back2).toMatchObject({ done: true, corrupt: [] });
    // Only the asset whose object an earlier test deleted stays (reported, untouched).
    expect(back2.missing).toHaveLength(1);
    expect(await Asset.countDocuments({ objectKey: { $exists: true } })).toBe(1);
    for (const s of await Promise.all(ids.map(rawAsset))) {
      expect(s?.objectKey).toBeUndefined();
      expect(
        createHash('sha256')
          .update(Buffer.from(s?.data?.buffer ?? []))
          .digest('hex'),
      ).toBe(s?.sha256);
    }
    for (const key of keys) expect(await objectExists(key)).toBe(false);
    await expectAllReadable(owner, images);
    expect(await storage.migrateImages({ to: 'mongodb' })).toMatchObject({
      moved: 0,
      completed: 0,
      done: true,
      missing: back2.missing,
    });

    // Half-moved the other way (bytes copied into the document, object not yet deleted).
    const again = images[1];
    if (!again) throw new Error('no image');
    const key = storage.objectKeyFor(owner, again.sha256, again.id);
    const { putObject } = await import('./object-store');
    await putObject(key, again.data, { sha256: again.sha256, contentType: 'image/webp' });
    await Asset.collection.updateOne(
      { _id: new Types.ObjectId(again.id) },
      { $set: { objectKey: key } },
    );
    expect(await storage.migrateImages({ to: 'mongodb' })).toMatchObject({ completed: 1 });
    expect(await objectExists(key)).toBe(false);
    expect((await rawAsset(again.id))?.objectKey).toBeUndefined();
  });
});
