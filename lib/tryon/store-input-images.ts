import { normalizeImage, readImageInput, type NormalizedImage } from '@/lib/images';
import { readSampleImage } from '@/lib/photos';
import { getImageForOwner, putImage } from '@/lib/storage';
import { AppError } from '@/lib/errors';
import type { ImageSource, TryonSubmission } from './tryon-submission';

/** An input ready to store: a normalised image, or one of the owner's assets as it is. */
export type PreparedInput = NormalizedImage | { assetId: string };

export interface JobInputIds {
  userImageId: string;
  topImageId: string;
  bottomImageId?: string;
}

const FIELD = { user: 'user_image', top: 'top_image', bottom: 'bottom_image' } as const;

/**
 * In organisation context the person's own images (saved photos) are theirs,
 * not the organisation's: such an image is copied into a new asset of the
 * organisation (the job's inputs all belong to its owner).
 */
async function ownedAsset(id: string, ownerId: string, personId?: string): Promise<PreparedInput> {
  try {
    // The owner's own asset (already normalised): owner-checked by `_id`, 404 for anyone else's.
    await getImageForOwner(id, ownerId, { withData: false });
    return { assetId: id };
  } catch (err) {
    const missing = err instanceof AppError && err.code === 'not_found';
    if (!missing || !personId || personId === ownerId) throw err;
    const mine = await getImageForOwner(id, personId, { withData: true });
    return normalizeImage(mine.data);
  }
}

async function normalizeOne(
  field: keyof typeof FIELD,
  source: ImageSource,
  ownerId: string,
  personId?: string,
): Promise<PreparedInput> {
  try {
    if (typeof source === 'object' && !Buffer.isBuffer(source)) {
      if (source.ref === 'sample') return await normalizeImage(await readSampleImage(source.id));
      return await ownedAsset(source.id, ownerId, personId);
    }
    const bytes = typeof source === 'string' ? await readImageInput(source) : source;
    return await normalizeImage(bytes);
  } catch (err) {
    // Say which field was refused: three images travel in one request.
    if (err instanceof AppError) {
      throw new AppError(err.code, `${FIELD[field]}: ${err.message}`, {
        details: {
          field: FIELD[field],
          ...(typeof err.details === 'object' && err.details !== null ? err.details : {}),
        },
        cause: err,
      });
    }
    throw err;
  }
}

/** Checks every input image first, then stores them: a refused image leaves nothing behind. */
export async function normalizeInputImages(
  images: TryonSubmission['images'],
  ownerId: string,
  personId?: string,
) {
  const [user, top, bottom] = await Promise.all([
    normalizeOne('user', images.user, ownerId, personId),
    normalizeOne('top', images.top, ownerId, personId),
    images.bottom === undefined
      ? Promise.resolve(undefined)
      : normalizeOne('bottom', images.bottom, ownerId, personId),
  ]);
  return { user, top, bottom };
}

export async function storeInputImages(
  ownerId: string,
  images: { user: PreparedInput; top: PreparedInput; bottom?: PreparedInput | undefined },
): Promise<JobInputIds> {
  const put = (image: PreparedInput) =>
    'assetId' in image
      ? Promise.resolve({ id: image.assetId })
      : putImage({ ownerId, kind: 'input', image });
  const [user, top, bottom] = await Promise.all([
    put(images.user),
    put(images.top),
    images.bottom ? put(images.bottom) : Promise.resolve(undefined),
  ]);
  return {
    userImageId: user.id,
    topImageId: top.id,
    ...(bottom ? { bottomImageId: bottom.id } : {}),
  };
}
