import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { AppError } from '@/lib/errors';
import { acceptedImageTypes, heicSupported, normalizeImage } from './normalize-image';
import {
  crc32,
  halves,
  noisePng,
  photoLikeJpeg,
  pngWithClaimedSize,
  solid,
} from '@/lib/testing/image-fixtures';

async function refusal(input: Buffer): Promise<AppError> {
  const err = await normalizeImage(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function pixel(webp: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(webp).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i] ?? -1, data[i + 1] ?? -1, data[i + 2] ?? -1];
}

function near(actual: number[], expected: number[], tolerance = 12) {
  actual.forEach((v, i) => expect(Math.abs(v - (expected[i] ?? 0))).toBeLessThanOrEqual(tolerance));
}

// Image work is CPU-bound: generous limits for a loaded 2-core CI machine.
describe('normalizeImage: refusals with precise codes', { timeout: 30_000 }, () => {
  it('refuses a truncated JPEG as image_corrupt', async () => {
    const jpeg = await photoLikeJpeg(800, 800);
    const err = await refusal(jpeg.subarray(0, Math.floor(jpeg.byteLength * 0.6)));
    expect(err.code).toBe('image_corrupt');
    expect(err.status).toBe(422);
  });

  it('refuses a PNG whose header claims 30000×30000 before decoding it', async () => {
    const bomb = pngWithClaimedSize(30_000, 30_000);
    expect(bomb.byteLength).toBeLessThan(100);
    // The crafted chunks carry real CRCs (IEND's is the well-known AE426082).
    expect(crc32(Buffer.from('IEND', 'latin1'))).toBe(0xae426082);
    expect(bomb.readUInt32BE(29)).toBe(crc32(bomb.subarray(12, 29)));
    // The header really says so (read without sharp's own default pixel limit).
    const meta = await sharp(bomb, { limitInputPixels: false }).metadata();
    expect([meta.width, meta.height]).toEqual([30_000, 30_000]);
    const err = await refusal(bomb);
    expect(err.code).toBe('image_dimensions_too_large');
    expect(err.status).toBe(422);
    expect(err.details).toMatchObject({ width: 30_000, height: 30_000, max: 4096 });
  });

  it('refuses one pixel over the limit on either side', async () => {
    expect((await refusal(pngWithClaimedSize(4097, 300))).code).toBe('image_dimensions_too_large');
    expect((await refusal(pngWithClaimedSize(300, 4097))).code).toBe('image_dimensions_too_large');
  });

  it('refuses text renamed .jpg as unsupported_image_type (magic bytes, not the name)', async () => {
    const err = await refusal(
      Buffer.from('This is a plain text file pretending to be photo.jpg\n'.repeat(20)),
    );
    expect(err.code).toBe('unsupported_image_type');
    expect(err.status).toBe(415);
  });

  it('refuses a GIF (a real image, but not an accepted type)', async () => {
    const gif = await sharp({
      create: { width: 300, height: 300, channels: 3, background: '#123456' },
    })
      .gif()
      .toBuffer();
    expect((await refusal(gif)).code).toBe('unsupported_image_type');
  });

  it('refuses HEIC as unsupported where this sharp build cannot decode it, and AVIF always', async () => {
    // An ISO-BMFF `ftyp` box with the heic brand: what file-type keys on.
    const ftyp = (brand: string) =>
      Buffer.concat([
        Buffer.from([0, 0, 0, 0x18]),
        Buffer.from(`ftyp${brand}`, 'latin1'),
        Buffer.from([0, 0, 0, 0]),
        Buffer.from(`mif1${brand}`, 'latin1'),
        Buffer.alloc(64),
      ]);
    const heicDecodable = heicSupported();
    expect(acceptedImageTypes().includes('image/heic')).toBe(heicDecodable);
    expect(acceptedImageTypes()).toEqual(
      expect.arrayContaining(['image/jpeg', 'image/png', 'image/webp']),
    );
    const heic = await normalizeImage(ftyp('heic')).catch((e: unknown) => e as AppError);
    expect(heic).toBeInstanceOf(AppError);
    // With HEVC support the fake box is refused as corrupt; without it, as an unsupported type.
    expect((heic as AppError).code).toBe(
      heicDecodable ? 'image_corrupt' : 'unsupported_image_type',
    );
    const avif = await sharp({
      create: { width: 300, height: 300, channels: 3, background: '#445566' },
    })
      .avif()
      .toBuffer();
    expect((await refusal(avif)).code).toBe('unsupported_image_type');
  });

  it('refuses a 100×100 image as image_too_small', async () => {
    const err = await refusal(await solid(100, 100, '#336699'));
    expect(err.code).toBe('image_too_small');
    expect(err.status).toBe(422);
  });

  it('refuses an image so elongated that its resized short side is under 256 px', async () => {
    const err = await refusal(await solid(4000, 300, '#336699'));
    expect(err.code).toBe('image_too_small');
    expect(err.message).toMatch(/elongated/);
  });

  it('refuses a 12 MB file as image_too_large before looking inside', async () => {
    const big = await noisePng(12);
    expect(big.byteLength).toBeGreaterThan(12 * 1024 * 1024 - 100_000);
    const err = await refusal(big);
    expect(err.code).toBe('image_too_large');
    expect(err.status).toBe(413);
  });

  it('refuses an empty buffer', async () => {
    expect((await refusal(Buffer.alloc(0))).code).toBe('image_corrupt');
  });
});

describe('normalizeImage: accepted images become clean WebP', { timeout: 30_000 }, () => {
  it('applies EXIF orientation 6 (rotated output) and strips all metadata', async () => {
    // Stored 600×400, left red / right blue, tagged "rotate 90° clockwise to display".
    const src = await (
      await halves(600, 400, '#ff0000', '#0000ff')
    )
      .withExif({ IFD0: { Copyright: 'someone', Artist: 'camera owner' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const srcMeta = await sharp(src).metadata();
    expect(srcMeta.orientation).toBe(6);
    expect(srcMeta.exif).toBeDefined();

    const out = await normalizeImage(src);
    expect([out.width, out.height]).toEqual([400, 600]);
    const meta = await sharp(out.data).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    // Rotating clockwise puts the left (red) half on top.
    near(await pixel(out.data, 200, 100), [255, 0, 0], 30);
    near(await pixel(out.data, 200, 500), [0, 0, 255], 30);
  });

  it('converts a CMYK JPEG to sRGB', async () => {
    const cmyk = await sharp({
      create: { width: 400, height: 400, channels: 3, background: '#2080e0' },
    })
      .toColourspace('cmyk')
      .jpeg()
      .toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const out = await normalizeImage(cmyk);
    const meta = await sharp(out.data).metadata();
    expect(meta.space).toBe('srgb');
    expect(meta.channels).toBe(3);
    // Colour survives the round trip through CMYK approximately.
    const [r, g, b] = await pixel(out.data, 200, 200);
    expect(b).toBeGreaterThan(150);
    expect(r).toBeLessThan(110);
    expect(g).toBeGreaterThan(70);
  });

  it('flattens a 16-bit PNG with alpha onto white', async () => {
    const transparent = await sharp({
      create: { width: 400, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([
        {
          input: await sharp({
            create: {
              width: 200,
              height: 400,
              channels: 4,
              background: { r: 255, g: 0, b: 0, alpha: 1 },
            },
          })
            .png()
            .toBuffer(),
          left: 200,
          top: 0,
        },
      ])
      .toColourspace('rgb16')
      .png()
      .toBuffer();
    const srcMeta = await sharp(transparent).metadata();
    expect(srcMeta.depth).toBe('ushort');
    expect(srcMeta.hasAlpha).toBe(true);

    const out = await normalizeImage(transparent);
    const meta = await sharp(out.data).metadata();
    expect(meta.hasAlpha).toBe(false);
    expect(meta.depth).toBe('uchar');
    near(await pixel(out.data, 50, 200), [255, 255, 255], 4); // transparent black → white, not black
    near(await pixel(out.data, 350, 200), [255, 0, 0], 30);
  });

  it('resizes to fit 1536 px, keeps the aspect ratio, never enlarges', async () => {
    const big = await normalizeImage(await solid(3000, 2000, '#506070', 'jpeg'));
    expect([big.width, big.height]).toEqual([1536, 1024]);
    const small = await normalizeImage(await solid(640, 480, '#888888', 'webp'));
    expect([small.width, small.height]).toEqual([640, 480]);
  });

  it('accepts the 4096×4096 boundary', async () => {
    const out = await normalizeImage(await solid(4096, 4096, '#abcdef'));
    expect([out.width, out.height]).toEqual([1536, 1536]);
  });

  it('returns a consistent descriptor: WebP bytes, size, sha256; same input, same output', async () => {
    const src = await photoLikeJpeg(900, 1200);
    const a = await normalizeImage(src);
    const b = await normalizeImage(Uint8Array.from(src));
    expect(a.contentType).toBe('image/webp');
    expect(a.data.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(a.data.subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect(a.size).toBe(a.data.byteLength);
    expect(a.sha256).toBe(createHash('sha256').update(a.data).digest('hex'));
    expect(b.sha256).toBe(a.sha256);
  });
});
