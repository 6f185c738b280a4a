import { Types } from 'mongoose';
import { AppError } from '@/lib/errors';
import { normalizeImage } from '@/lib/images';
import { putImage } from '@/lib/storage';
import { SavedPhoto, type SavedPhotoDoc } from '@/models/saved-photo';
import { expiresAt } from './expires-at';
import { MAX_SAVED_PHOTOS, type PhotoRetention } from './schemas';

export interface SavePhotoInput {
  userId: string;
  /** The uploaded file, checked and normalised by the one image pipeline (lib/images). */
  bytes: Buffer;
  retention: PhotoRetention;
  now?: Date;
}

/**
 * Keeps a photo for later try-ons, by the owner's explicit choice. The same
 * photo saved again is the same record (its id is the content-addressed
 * asset's) with the newly chosen retention.
 */
export async function savePhoto(input: SavePhotoInput): Promise<SavedPhotoDoc> {
  const now = input.now ?? new Date();
  const image = await normalizeImage(input.bytes);
  const asset = await putImage({ ownerId: input.userId, kind: 'input', image });
  const _id = new Types.ObjectId(asset.id);
  const until = expiresAt(input.retention, now);
  const existing = await SavedPhoto.findById(_id).lean<SavedPhotoDoc>();
  if (!existing) {
    const count = await SavedPhoto.countDocuments({ userId: new Types.ObjectId(input.userId) });
    if (count >= MAX_SAVED_PHOTOS)
      throw new AppError(
        'invalid_state',
        `You can keep up to ${MAX_SAVED_PHOTOS} photos. Delete one in My photos first.`,
      );
  }
  await SavedPhoto.updateOne(
    { _id },
    {
      $set: {
        userId: new Types.ObjectId(input.userId),
        retention: input.retention,
        width: asset.width,
        height: asset.height,
        ...(until ? { expiresAt: until } : {}),
      },
      ...(until ? {} : { $unset: { expiresAt: 1 } }),
    },
    { upsert: true },
  );
  const saved = await SavedPhoto.findById(_id).lean<SavedPhotoDoc>();
  if (!saved) throw new AppError('internal_error', 'The photo could not be saved');
  return saved;
}
