import { AppError, unauthorized } from '@/lib/errors';
import { getImageBySignature, getImageForOwner } from './get-image';
import { imageResponse } from './image-response';
import type { StoredImage } from './stored-image';

export interface ReadImageRequest {
  assetId: string;
  /** The signed-in caller, if any. */
  callerId?: string | null;
  exp?: string;
  sig?: string;
  ifNoneMatch?: string | null;
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
    return { image: await getImageForOwner(req.assetId, req.callerId, { withData }) };
  };

  if (req.ifNoneMatch) {
    const meta = await load(false);
    const response = imageResponse(meta.image, {
      ifNoneMatch: req.ifNoneMatch,
      maxAgeSeconds: meta.maxAgeSeconds,
    });
    if (response.status === 304) return response;
  }
  const full = await load(true);
  return imageResponse(full.image, { maxAgeSeconds: full.maxAgeSeconds });
}
