import { unauthorized } from '@/lib/errors';
import { getImageBySignature, getImageForOwner } from './get-image';
import { imageResponse } from './image-response';

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
 * A conditional request is answered without loading the bytes.
 */
export async function readImageForRequest(req: ReadImageRequest): Promise<Response> {
  const conditional = Boolean(req.ifNoneMatch);
  if (req.sig !== undefined || req.exp !== undefined) {
    const image = await getImageBySignature(req.assetId, req.exp ?? '', req.sig ?? '', {
      withData: !conditional,
    });
    const remaining = Number(req.exp) - Math.floor(Date.now() / 1000);
    const response = imageResponse(image, {
      ifNoneMatch: req.ifNoneMatch,
      maxAgeSeconds: remaining,
    });
    return response.status === 304 || !conditional
      ? response
      : readImageForRequest({ ...req, ifNoneMatch: null });
  }
  if (!req.callerId) throw unauthorized();
  const image = await getImageForOwner(req.assetId, req.callerId, { withData: !conditional });
  const response = imageResponse(image, { ifNoneMatch: req.ifNoneMatch });
  return response.status === 304 || !conditional
    ? response
    : readImageForRequest({ ...req, ifNoneMatch: null });
}
