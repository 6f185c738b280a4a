import { AppError, unauthorized } from '@/lib/errors';
import {
  ThumbnailCache,
  cachedThumbnail,
  thumbnailCache,
  type Thumbnail,
  type ThumbnailWidth,
} from '@/lib/images/thumbnail';
import { getImageBySignature, getImageForOwner, type StoredImage } from '@/lib/storage';
import { imageResponse } from './image-response';

export interface ReadImageRequest {
  assetId: string;
  /** The signed-in caller's account (owner id: the organisation in organisation context), if any. */
  callerId?: string | null;
  /** The person, when acting for an organisation: their own images (saved photos) stay theirs. */
  personId?: string | null;
  exp?: string;
  sig?: string;
  ifNoneMatch?: string | null;
  /** A thumbnail this wide (`?w=`), resized once and cached by content hash and width. */
  width?: ThumbnailWidth;
}

/** The image as served: itself, or its thumbnail under the ETag "<sha256>-w<width>". */
function variant(image: StoredImage, width: ThumbnailWidth | undefined, thumb?: Thumbnail) {
  if (!width) return image;
  return {
    ...image,
    sha256: `${image.sha256}-w${width}`,
    ...(thumb
      ? {
          data: thumb.data,
          contentType: thumb.contentType,
          width: thumb.width,
          height: thumb.height,
          size: thumb.data.byteLength,
        }
      : {}),
  };
}

/**
 * GET /api/assets/[id]: a signed link is honoured whoever asks; otherwise the
 * caller must own the image (another person's id is a 404, as if absent).
 * A signed-in owner holding a stale link still gets the image. A
 * conditional request is answered without loading the bytes when it matches.
 */
export async function readImageForRequest(req: ReadImageRequest): Promise<Response> {
  const signed = req.sig !== undefined || req.exp !== undefined;
  const load = async (
    withData: boolean,
  ): Promise<{ image: StoredImage; maxAgeSeconds?: number }> => {
    if (signed) {
      try {
        const image = await getImageBySignature(req.assetId, req.exp ?? '', req.sig ?? '', {
          withData,
        });
        return { image, maxAgeSeconds: Number(req.exp) - Math.floor(Date.now() / 1000) };
      } catch (err) {
        const badLink = err instanceof AppError && err.code === 'forbidden';
        if (!badLink || !req.callerId) throw err;
      }
    }
    if (!req.callerId) throw unauthorized();
    try {
      return { image: await getImageForOwner(req.assetId, req.callerId, { withData }) };
    } catch (err) {
      const missing = err instanceof AppError && err.code === 'not_found';
      if (!missing || !req.personId || req.personId === req.callerId) throw err;
      return { image: await getImageForOwner(req.assetId, req.personId, { withData }) };
    }
  };

  if (req.ifNoneMatch || req.width) {
    const meta = await load(false);
    if (req.ifNoneMatch) {
      const response = imageResponse(variant(meta.image, req.width), {
        ifNoneMatch: req.ifNoneMatch,
        maxAgeSeconds: meta.maxAgeSeconds,
      });
      if (response.status === 304) return response;
    }
    // A cached thumbnail is served without loading the full image.
    const hit = req.width && thumbnailCache.get(ThumbnailCache.key(meta.image.sha256, req.width));
    if (hit) {
      return imageResponse(variant(meta.image, req.width, hit), {
        maxAgeSeconds: meta.maxAgeSeconds,
      });
    }
  }
  const full = await load(true);
  const thumb = req.width ? await cachedThumbnail(full.image, req.width) : undefined;
  return imageResponse(variant(full.image, req.width, thumb), {
    maxAgeSeconds: full.maxAgeSeconds,
  });
}
