// The storage behaviour every driver must keep: storage.int.test.ts runs it
// on the MongoDB driver, storage.s3.int.test.ts on the S3 one (a real server).
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { Asset, TryonJob, User } from '@/models';
import { connectDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { normalizeImage, type NormalizedImage } from '@/lib/images';
import {
  deleteExpiredImages,
  deleteImagesIfUnused,
  getImageBySignature,
  getImageForOwner,
  putImage,
  signImageUrl,
  verifyImageSignature,
} from '@/lib/storage';

/** Noise, so that every image is distinct bytes (lossy WebP merges near colours). */
export async function freshImage(): Promise<NormalizedImage> {
  return normalizeImage(
    await sharp(randomBytes(300 * 300 * 3), { raw: { width: 300, height: 300, channels: 3 } })
      .png()
      .toBuffer(),
  );
}

export async function newUser(): Promise<string> {
  await connectDb();
  const u = await User.create({ email: `u${new Types.ObjectId().toString()}@example.com` });
  return u._id.toString();
}

export async function newJob(
  userId: string,
  refs: { user: string; top: string; bottom?: string; output?: string },
  createdAt?: Date,
) {
  const job = await TryonJob.create({
    userId,
    source: { kind: 'web' },
    mode: refs.bottom ? 'full' : 'top',
    inputs: {
      userImageId: refs.user,
      topImageId: refs.top,
      ...(refs.bottom ? { bottomImageId: refs.bottom } : {}),
    },
    ...(refs.output ? { outputImageId: refs.output } : {}),
    creditsUsed: refs.bottom ? 2 : 1,
    clientKey: `${userId}:auto:${new Types.ObjectId().toString()}`,
    queuedAt: createdAt ?? new Date(),
  });
  if (createdAt) {
    await TryonJob.collection.updateOne({ _id: job._id }, { $set: { createdAt } });
  }
  return job._id.toString();
}

export async function ageAsset(id: string, at: Date) {
  await Asset.collection.updateOne(
    { _id: new Types.ObjectId(id) },
    { $set: { createdAt: at, updatedAt: at } },
  );
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

/** Registers the suite; `driver` names the STORAGE_DRIVER lib/env was loaded with. */
export function defineStorageSuite(driver: 'mongodb' | 's3'): void {
  /** Where the bytes of a stored asset are: in the document, or only in the bucket. */
  async function expectStoredBy(id: string) {
    const raw = (await Asset.collection.findOne({ _id: new Types.ObjectId(id) })) as {
      data?: unknown;
      objectKey?: string;
    } | null;
    expect(raw).not.toBeNull();
    if (driver === 's3') {
      expect(raw?.data).toBeUndefined();
      expect(raw?.objectKey).toMatch(new RegExp(`^images/[0-9a-f]{24}/[0-9a-f]{64}/${id}$`));
    } else {
      expect(raw?.data).toBeDefined();
      expect(raw?.objectKey).toBeUndefined();
    }
  }

  describe('putImage: content addressing per owner', () => {
    it('stores an image and reads it back byte for byte', async () => {
      const owner = await newUser();
      const img = await freshImage();
      const put = await putImage({ ownerId: owner, kind: 'input', image: img });
      expect(put).toEqual({ id: expect.any(String), sha256: img.sha256, width: 300, height: 300 });
      await expectStoredBy(put.id);
      const got = await getImageForOwner(put.id, owner);
      expect(got.data.equals(img.data)).toBe(true);
      expect(got).toMatchObject({
        contentType: 'image/webp',
        sha256: img.sha256,
        size: img.size,
        kind: 'input',
        ownerId: owner,
      });
    });

    it('returns the same asset when one owner stores the same bytes twice, a new one for another owner', async () => {
      const [a, b] = [await newUser(), await newUser()];
      const img = await freshImage();
      const first = await putImage({ ownerId: a, kind: 'input', image: img });
      const again = await putImage({ ownerId: a, kind: 'output', image: img });
      const other = await putImage({ ownerId: b, kind: 'input', image: img });
      expect(again.id).toBe(first.id);
      expect(other.id).not.toBe(first.id);
      expect(await Asset.countDocuments({ sha256: img.sha256 })).toBe(2);
    });

    it('settles a concurrent first store on one asset (duplicate-key race re-reads the winner)', async () => {
      const owner = await newUser();
      const img = await freshImage();
      const results = await Promise.all(
        Array.from({ length: 12 }, () => putImage({ ownerId: owner, kind: 'input', image: img })),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(await Asset.countDocuments({ ownerId: owner, sha256: img.sha256 })).toBe(1);
    });
  });

  describe('reading: owner scope and signed links', () => {
    it('never reveals another owner’s image: not_found, same as a missing or malformed id', async () => {
      const [a, b] = [await newUser(), await newUser()];
      const put = await putImage({ ownerId: a, kind: 'input', image: await freshImage() });
      expect(await codeOf(getImageForOwner(put.id, b))).toBe('not_found');
      expect(await codeOf(getImageForOwner(new Types.ObjectId().toString(), a))).toBe('not_found');
      expect(await codeOf(getImageForOwner('not-an-id', a))).toBe('not_found');
    });

    it('loads metadata without bytes when asked', async () => {
      const owner = await newUser();
      const put = await putImage({ ownerId: owner, kind: 'input', image: await freshImage() });
      const meta = await getImageForOwner(put.id, owner, { withData: false });
      expect(meta.data.byteLength).toBe(0);
      expect(meta.sha256).toBe(put.sha256);
    });

    it('serves a signed link to anyone until it expires; a tampered one is forbidden', async () => {
      const owner = await newUser();
      const put = await putImage({ ownerId: owner, kind: 'output', image: await freshImage() });
      const url = new URL(signImageUrl(put.id, 60), 'http://x');
      expect(url.pathname).toBe(`/api/assets/${put.id}`);
      const exp = url.searchParams.get('exp') ?? '';
      const sig = url.searchParams.get('sig') ?? '';
      expect((await getImageBySignature(put.id, exp, sig)).sha256).toBe(put.sha256);

      expect(await codeOf(getImageBySignature(put.id, String(Number(exp) + 1), sig))).toBe(
        'forbidden',
      );
      expect(await codeOf(getImageBySignature(new Types.ObjectId().toString(), exp, sig))).toBe(
        'forbidden',
      );
      // Every other spelling of the last character, including the three that
      // differ only in base64url's unused low bits (and so decode to the same MAC).
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      for (const c of alphabet.replace(sig.at(-1) ?? '', '')) {
        expect(await codeOf(getImageBySignature(put.id, exp, `${sig.slice(0, -1)}${c}`))).toBe(
          'forbidden',
        );
      }
      expect(await codeOf(getImageBySignature(put.id, exp, ''))).toBe('forbidden');

      // Expired: a link signed two minutes ago for 60 s.
      const old = new URL(signImageUrl(put.id, 60, Date.now() - 120_000), 'http://x');
      const err = await getImageBySignature(
        put.id,
        old.searchParams.get('exp') ?? '',
        old.searchParams.get('sig') ?? '',
      ).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/expired/) });

      // A valid signature for an image deleted since: not_found.
      await Asset.deleteOne({ _id: put.id });
      expect(await codeOf(getImageBySignature(put.id, exp, sig))).toBe('not_found');
    });

    it('verifies signatures in constant shape: malformed exp or sig are refused, not thrown as 500', () => {
      expect(() => verifyImageSignature('abc', 'soon', 'x')).toThrow(AppError);
      expect(() => verifyImageSignature('abc', '1e9', 'x'.repeat(43))).toThrow(AppError);
    });
  });

  describe('deleteImagesIfUnused', () => {
    it('keeps an input still used by another of the owner’s jobs, deletes the rest', async () => {
      const owner = await newUser();
      const person = await putImage({ ownerId: owner, kind: 'input', image: await freshImage() });
      const top1 = await putImage({ ownerId: owner, kind: 'input', image: await freshImage() });
      const top2 = await putImage({ ownerId: owner, kind: 'input', image: await freshImage() });
      const out1 = await putImage({ ownerId: owner, kind: 'output', image: await freshImage() });
      const job1 = await newJob(owner, { user: person.id, top: top1.id, output: out1.id });
      await newJob(owner, { user: person.id, top: top2.id }); // reuses the person photo

      // The job is deleted first, then its images if nothing else needs them.
      await TryonJob.deleteOne({ _id: job1 });
      const res = await deleteImagesIfUnused([person.id, top1.id, out1.id], owner);
      expect(res.deleted.sort()).toEqual([top1.id, out1.id].sort());
      expect(res.kept).toEqual([person.id]);
      expect(await Asset.exists({ _id: person.id })).toBeTruthy();
      expect(await Asset.exists({ _id: top1.id })).toBeNull();
      expect(await Asset.exists({ _id: top2.id })).toBeTruthy();
    });

    it('ignores the job being deleted when named in exceptJobIds', async () => {
      const owner = await newUser();
      const person = await putImage({ ownerId: owner, kind: 'input', image: await freshImage() });
      const top = await putImage({ ownerId: owner, kind: 'input', image: await freshImage() });
      const job = await newJob(owner, { user: person.id, top: top.id });
      expect((await deleteImagesIfUnused([person.id, top.id], owner)).deleted).toEqual([]);
      const res = await deleteImagesIfUnused([person.id, top.id], owner, { exceptJobIds: [job] });
      expect(res.deleted.sort()).toEqual([person.id, top.id].sort());
    });

    it('never deletes another owner’s asset, and counts only the owner’s own jobs', async () => {
      const [a, b] = [await newUser(), await newUser()];
      const img = await freshImage();
      const mine = await putImage({ ownerId: a, kind: 'input', image: img });
      const theirs = await putImage({ ownerId: b, kind: 'input', image: img });
      const res = await deleteImagesIfUnused([theirs.id], a);
      expect(res.deleted).toEqual([]);
      expect(await Asset.exists({ _id: theirs.id })).toBeTruthy();
      expect((await deleteImagesIfUnused([mine.id, 'junk'], a)).deleted).toEqual([mine.id]);
    });
  });

  describe('deleteExpiredImages (retention)', () => {
    it('deletes old unused images, keeps recent ones and old ones reused by a recent job', async () => {
      const owner = await newUser();
      const day = 24 * 3600 * 1000;
      const cutoff = new Date(Date.now() - 30 * day);
      const old = new Date(Date.now() - 40 * day);

      const oldUnused = await putImage({
        ownerId: owner,
        kind: 'input',
        image: await freshImage(),
      });
      const oldOutput = await putImage({
        ownerId: owner,
        kind: 'output',
        image: await freshImage(),
      });
      const oldReused = await putImage({
        ownerId: owner,
        kind: 'input',
        image: await freshImage(),
      });
      const oldInOldJob = await putImage({
        ownerId: owner,
        kind: 'input',
        image: await freshImage(),
      });
      const recent = await putImage({ ownerId: owner, kind: 'input', image: await freshImage() });
      for (const a of [oldUnused, oldOutput, oldReused, oldInOldJob]) await ageAsset(a.id, old);

      await newJob(owner, { user: oldInOldJob.id, top: oldUnused.id, output: oldOutput.id }, old);
      await newJob(owner, { user: oldReused.id, top: recent.id }); // a job from today reuses an old upload

      const res = await deleteExpiredImages(cutoff, { batchSize: 2 });
      expect(res).toEqual({ scanned: 4, deleted: 3, kept: 1 });
      const left = (await Asset.find({ ownerId: owner }, { _id: 1 }).lean())
        .map((a) => a._id.toString())
        .sort();
      expect(left).toEqual([oldReused.id, recent.id].sort());
    });

    it('keeps an old asset re-stored (touched) after the cutoff even before its job exists', async () => {
      const owner = await newUser();
      const img = await freshImage();
      const put = await putImage({ ownerId: owner, kind: 'input', image: img });
      await ageAsset(put.id, new Date(Date.now() - 40 * 24 * 3600 * 1000));
      await putImage({ ownerId: owner, kind: 'input', image: img }); // reuse bumps updatedAt
      const res = await deleteExpiredImages(new Date(Date.now() - 30 * 24 * 3600 * 1000));
      expect(res.deleted).toBe(0);
      expect(await Asset.exists({ _id: put.id })).toBeTruthy();
    });
  });
}
