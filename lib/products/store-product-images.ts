import { AppError } from '@/lib/errors';
import {
  normalizeImage,
  readImageInput,
  type FetchImageUrlOptions,
  type NormalizedImage,
} from '@/lib/images';
import { getImageForOwner, putImage } from '@/lib/storage';

/** A product image as it arrives: bytes (multipart), a string (base64, data: URI, https URL) or one of the organisation's assets. */
export type ProductImageSource = Buffer | string | { assetId: string };

/** `asset:<id>` (an image the organisation already has) or anything else as an image to take in. */
export function productImageSource(value: Buffer | Uint8Array | string): ProductImageSource {
  if (typeof value !== 'string') return Buffer.isBuffer(value) ? value : Buffer.from(value);
  const m = /^asset:([0-9a-f]{24})$/.exec(value);
  return m?.[1] ? { assetId: m[1] } : value;
}

async function prepareOne(
  source: ProductImageSource,
  orgId: string,
  index: number,
  fetch: FetchImageUrlOptions,
): Promise<{ assetId: string } | { image: NormalizedImage }> {
  try {
    if (typeof source === 'object' && !Buffer.isBuffer(source)) {
      // Owner-checked by `_id`: another organisation's image answers 404.
      await getImageForOwner(source.assetId, orgId, { withData: false });
      return { assetId: source.assetId };
    }
    const bytes = typeof source === 'string' ? await readImageInput(source, fetch) : source;
    return { image: await normalizeImage(bytes) };
  } catch (err) {
    // Say which image was refused: up to six travel in one request.
    if (err instanceof AppError) {
      throw new AppError(err.code, `images[${index}]: ${err.message}`, {
        details: {
          field: `images[${index}]`,
          ...(typeof err.details === 'object' && err.details !== null ? err.details : {}),
        },
        cause: err,
      });
    }
    throw err;
  }
}

/**
 * Takes a product's images in through the one intake pipeline (lib/images:
 * size, type, pixel caps, re-encoded WebP) and stores them as the
 * organisation's assets. Every image is checked before any is stored, so a
 * refused image leaves nothing behind. Returns the asset ids in order,
 * without duplicates (content addressing makes the same photo one asset).
 */
export async function storeProductImages(
  orgId: string,
  sources: readonly ProductImageSource[],
  fetch: FetchImageUrlOptions = {},
): Promise<string[]> {
  const prepared = await Promise.all(sources.map((s, i) => prepareOne(s, orgId, i, fetch)));
  const ids = await Promise.all(
    prepared.map((p) =>
      'assetId' in p
        ? Promise.resolve(p.assetId)
        : putImage({ ownerId: orgId, kind: 'input', image: p.image }).then((r) => r.id),
    ),
  );
  return [...new Set(ids)];
}
