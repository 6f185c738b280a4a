import { normalizeImage, readImageInput, type NormalizedImage } from '@/lib/images';
import { putImage } from '@/lib/storage';
import { AppError } from '@/lib/errors';
import type { ImageSource, TryonSubmission } from './read-tryon-submission';

export interface JobInputIds {
  userImageId: string;
  topImageId: string;
  bottomImageId?: string;
}

const FIELD = { user: 'user_image', top: 'top_image', bottom: 'bottom_image' } as const;

async function normalizeOne(
  field: keyof typeof FIELD,
  source: ImageSource,
): Promise<NormalizedImage> {
  try {
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
export async function normalizeInputImages(images: TryonSubmission['images']) {
  const [user, top, bottom] = await Promise.all([
    normalizeOne('user', images.user),
    normalizeOne('top', images.top),
    images.bottom === undefined
      ? Promise.resolve(undefined)
      : normalizeOne('bottom', images.bottom),
  ]);
  return { user, top, bottom };
}

export async function storeInputImages(
  ownerId: string,
  images: { user: NormalizedImage; top: NormalizedImage; bottom?: NormalizedImage | undefined },
): Promise<JobInputIds> {
  const [user, top, bottom] = await Promise.all([
    putImage({ ownerId, kind: 'input', image: images.user }),
    putImage({ ownerId, kind: 'input', image: images.top }),
    images.bottom
      ? putImage({ ownerId, kind: 'input', image: images.bottom })
      : Promise.resolve(undefined),
  ]);
  return {
    userImageId: user.id,
    topImageId: top.id,
    ...(bottom ? { bottomImageId: bottom.id } : {}),
  };
}
