import { beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { AppError } from '@/lib/errors';
import { deleteExpiredImages, getImageForOwner } from '@/lib/storage';
import { filterKeys, recordQueries } from '@/lib/testing/record-queries';
import { normalizeInputImages, storeInputImages } from '@/lib/tryon/store-input-images';
import { createUser, makeImage } from '@/lib/testing/tryon-fixtures';
import { deleteAccount } from '@/lib/users/delete-account';
import { Asset } from '@/models';
import { SavedPhoto } from '@/models/saved-photo';
import {
  deleteExpiredPhotos,
  deletePhoto,
  getPhotoOrThrow,
  listPhotos,
  savePhoto,
  serializePhoto,
} from './index';

async function code(p: Promise<unknown>): Promise<string | null> {
  return p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
}

const DAY = 24 * 60 * 60 * 1000;

describe('saved photos (My photos)', () => {
  let owner: string;
  let stranger: string;
  beforeAll(async () => {
    owner = await createUser();
    stranger = await createUser();
  });

  it('saves through the image pipeline, lists for the owner only, and dedupes the same photo', async () => {
    const bytes = await makeImage('#a05a2c');
    const saved = await savePhoto({ userId: owner, bytes, retention: '30d' });
    const asset = await getImageForOwner(saved._id.toString(), owner, { withData: false });
    expect(asset.contentType).toBe('image/webp');
    expect(saved.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * DAY);

    const again = await savePhoto({ userId: owner, bytes, retention: 'forever' });
    expect(again._id.toString()).toBe(saved._id.toString());
    expect(again.retention).toBe('forever');
    expect(again.expiresAt).toBeUndefined();

    const mine = await listPhotos(owner);
    expect(mine.map((p) => p._id.toString())).toEqual([saved._id.toString()]);
    expect(await listPhotos(stranger)).toEqual([]);
    expect(serializePhoto(mine[0]!)).toMatchObject({
      id: saved._id.toString(),
      image_url: `/api/assets/${saved._id.toString()}`,
      retention: 'forever',
      expires_at: null,
    });
  });

  it('reads by _id alone and answers 404 for another person, who cannot delete it', async () => {
    const saved = await savePhoto({
      userId: owner,
      bytes: await makeImage('#3a7'),
      retention: '1y',
    });
    const id = saved._id.toString();
    const { queries } = await recordQueries(() => getPhotoOrThrow(owner, id));
    expect(filterKeys(queries, 'saved_photos')).toEqual([['_id']]);
    expect(await code(getPhotoOrThrow(stranger, id))).toBe('not_found');
    expect(await code(deletePhoto(stranger, id))).toBe('not_found');
    expect(await code(deletePhoto(owner, 'not-an-id'))).toBe('not_found');
    expect(await code(deletePhoto(owner, new Types.ObjectId().toString()))).toBe('not_found');
    expect(await SavedPhoto.findById(saved._id).lean()).not.toBeNull();
  });

  it('deletes at once, with its image when no try-on uses it', async () => {
    const saved = await savePhoto({
      userId: owner,
      bytes: await makeImage('#123456'),
      retention: '1y',
    });
    const res = await deletePhoto(owner, saved._id.toString());
    expect(res).toEqual({ id: saved._id.toString(), imageDeleted: true });
    expect(await SavedPhoto.findById(saved._id).lean()).toBeNull();
    expect(await Asset.findById(saved._id).lean()).toBeNull();
  });

  it('keeps a saved photo past the image retention, and the cron deletes it once it expires', async () => {
    const longAgo = new Date(Date.now() - 40 * DAY);
    const expiring = await savePhoto({
      userId: owner,
      bytes: await makeImage('#654321'),
      retention: '30d',
      now: longAgo,
    });
    const kept = await savePhoto({
      userId: owner,
      bytes: await makeImage('#fedcba'),
      retention: 'forever',
    });
    // Both images look old to the image purge: only the saved-photo reference keeps them.
    await Asset.updateMany(
      { _id: { $in: [expiring._id, kept._id] } },
      { $set: { createdAt: longAgo, updatedAt: longAgo } },
      { timestamps: false },
    );
    await deleteExpiredImages(new Date(Date.now() - 30 * DAY));
    expect(await Asset.findById(kept._id).lean()).not.toBeNull();
    expect(await Asset.findById(expiring._id).lean()).not.toBeNull();
    expect((await listPhotos(owner)).map((p) => p._id.toString())).not.toContain(
      expiring._id.toString(),
    );

    const { deleted } = await deleteExpiredPhotos();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await SavedPhoto.findById(expiring._id).lean()).toBeNull();
    expect(await Asset.findById(expiring._id).lean()).toBeNull();
    expect(await SavedPhoto.findById(kept._id).lean()).not.toBeNull();
    expect(await Asset.findById(kept._id).lean()).not.toBeNull();
  });

  it('account deletion removes saved photos with their images', async () => {
    const leaving = await createUser();
    const saved = await savePhoto({
      userId: leaving,
      bytes: await makeImage('#314159'),
      retention: 'forever',
    });
    await deleteAccount({ userId: leaving });
    expect(await SavedPhoto.findById(saved._id).lean()).toBeNull();
    expect(await Asset.findById(saved._id).lean()).toBeNull();
  });

  it('a try-on takes a saved photo (owner only) and a shipped sample by reference', async () => {
    const saved = await savePhoto({
      userId: owner,
      bytes: await makeImage('#778899'),
      retention: '1y',
    });
    const images = {
      user: { ref: 'asset' as const, id: saved._id.toString() },
      top: { ref: 'sample' as const, id: 'top-blue-tee' },
    };
    const inputs = await storeInputImages(owner, await normalizeInputImages(images, owner));
    expect(inputs.userImageId).toBe(saved._id.toString());
    const top = await getImageForOwner(inputs.topImageId, owner, { withData: false });
    expect(top.width).toBeGreaterThanOrEqual(256);

    expect(await code(normalizeInputImages(images, stranger))).toBe('not_found');
    expect(
      await code(normalizeInputImages({ ...images, top: { ref: 'sample', id: 'nope' } }, owner)),
    ).toBe('not_found');
  });
});
