import sharp from 'sharp';
import { IMAGE_LIMITS, normalizeImage } from '@/lib/images';
import { photoLikeJpeg } from '@/lib/testing/image-fixtures';
import { defineSuite } from './suite';

/**
 * The intake pipeline (magic bytes, header check, orientation, flatten,
 * resize, sRGB WebP, sha256) against the bare sharp work it wraps: decode the
 * same 12-megapixel JPEG, resize to fit 1536 px, encode WebP at the same
 * quality. The ratio is the price of the checks.
 */
let photo12mp: Buffer = Buffer.alloc(0);
let photo1mp: Buffer = Buffer.alloc(0);

export default defineSuite({
  name: 'images',
  description: 'intake pipeline vs bare sharp resize, 12 MP JPEG',
  runs: 15,
  warmup: 3,
  baseline: 'sharp resize→webp (12 MP)',
  async setup() {
    // libvips caches operations on identical input: without this, whichever
    // case runs second on the same buffer would reuse the first one's decode.
    sharp.cache(false);
    photo12mp = await photoLikeJpeg(4000, 3000, 85);
    photo1mp = await photoLikeJpeg(1200, 900, 85);
    if (photo12mp.byteLength > IMAGE_LIMITS.maxBytes)
      throw new Error('fixture exceeds the intake size cap');
  },
  meta: () => ({
    input12mp: { width: 4000, height: 3000, bytes: photo12mp.byteLength },
    input1mp: { width: 1200, height: 900, bytes: photo1mp.byteLength },
  }),
  cases: [
    {
      name: 'sharp resize→webp (12 MP)',
      fn: () =>
        sharp(photo12mp)
          .resize(IMAGE_LIMITS.outputMaxDimension, IMAGE_LIMITS.outputMaxDimension, {
            fit: 'inside',
            withoutEnlargement: true,
          })
          .webp({ quality: IMAGE_LIMITS.webpQuality })
          .toBuffer(),
    },
    { name: 'normalizeImage (12 MP)', fn: () => normalizeImage(photo12mp) },
    {
      name: 'sharp resize→webp (1 MP)',
      baseline: 'sharp resize→webp (1 MP)',
      fn: () =>
        sharp(photo1mp)
          .resize(IMAGE_LIMITS.outputMaxDimension, IMAGE_LIMITS.outputMaxDimension, {
            fit: 'inside',
            withoutEnlargement: true,
          })
          .webp({ quality: IMAGE_LIMITS.webpQuality })
          .toBuffer(),
    },
    {
      name: 'normalizeImage (1 MP)',
      fn: () => normalizeImage(photo1mp),
      baseline: 'sharp resize→webp (1 MP)',
    },
  ],
});
