import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '@/lib/errors';
import { BASE_IMAGE_TYPES, IMAGE_LIMITS } from './limits';

/**
 * The one intake pipeline every image goes through (uploads, API input,
 * provider output): size cap → magic bytes → header dimensions (before any
 * pixel is decoded) → decode with a pixel cap → EXIF orientation applied →
 * alpha flattened on white → fit inside 1536 px → sRGB WebP without metadata.
 * Each refusal is an AppError with its own code.
 */
export interface NormalizedImage {
  data: Buffer;
  contentType: 'image/webp';
  width: number;
  height: number;
  size: number;
  /** Hex sha256 of `data`: the storage key. */
  sha256: string;
}

export interface NormalizeImageOptions {
  maxBytes?: number;
  maxInputDimension?: number;
  minDimension?: number;
  outputMaxDimension?: number;
  quality?: number;
}

const MB = 1024 * 1024;

/** HEIC needs a libheif built with an HEVC decoder; sharp's prebuilt binaries only read AVIF. */
export function heicSupported(): boolean {
  const heif = sharp.format.heif as
    { input?: { buffer?: boolean; fileSuffix?: string[] } } | undefined;
  return Boolean(heif?.input?.buffer && heif.input.fileSuffix?.includes('.heic'));
}

/** MIME types this server accepts, for a file picker's `accept` and the API docs. */
export function acceptedImageTypes(): string[] {
  return heicSupported()
    ? [...BASE_IMAGE_TYPES, 'image/heic', 'image/heif']
    : [...BASE_IMAGE_TYPES];
}

async function detectType(buf: Buffer): Promise<string> {
  const type = await fileTypeFromBuffer(buf);
  const mime = type?.mime;
  if (mime === 'image/jpeg' || mime === 'image/png' || mime === 'image/webp') return mime;
  if ((mime === 'image/heic' || mime === 'image/heif') && heicSupported()) return mime;
  if (mime === 'image/heic' || mime === 'image/heif') {
    throw new AppError(
      'unsupported_image_type',
      'HEIC images are not supported on this server. Send JPEG, PNG or WebP.',
      {
        details: { detected: mime },
      },
    );
  }
  throw new AppError('unsupported_image_type', 'The file is not a JPEG, PNG or WebP image', {
    details: { detected: mime ?? 'unknown' },
  });
}

export async function normalizeImage(
  input: Buffer | Uint8Array,
  opts: NormalizeImageOptions = {},
): Promise<NormalizedImage> {
  const maxBytes = opts.maxBytes ?? IMAGE_LIMITS.maxBytes;
  const maxSide = opts.maxInputDimension ?? IMAGE_LIMITS.maxInputDimension;
  const minSide = opts.minDimension ?? IMAGE_LIMITS.minDimension;
  const fit = opts.outputMaxDimension ?? IMAGE_LIMITS.outputMaxDimension;
  const buf = Buffer.isBuffer(input)
    ? input
    : Buffer.from(input.buffer, input.byteOffset, input.byteLength);

  if (buf.byteLength === 0) throw new AppError('image_corrupt', 'The image is empty');
  if (buf.byteLength > maxBytes) {
    throw new AppError(
      'image_too_large',
      `The image is ${(buf.byteLength / MB).toFixed(1)} MB; the limit is ${maxBytes / MB} MB`,
      {
        details: { size: buf.byteLength, max: maxBytes },
      },
    );
  }

  const mime = await detectType(buf);

  // Header only: sharp reads dimensions without decoding pixels, so a
  // decompression bomb is refused before it can allocate anything.
  let header: Metadata;
  try {
    header = await sharp(buf, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new AppError('image_corrupt', 'The image could not be read', { cause: err });
  }
  const { width, height } = header;
  if (!width || !height) throw new AppError('image_corrupt', 'The image has no dimensions');
  if (width > maxSide || height > maxSide) {
    throw new AppError(
      'image_dimensions_too_large',
      `The image is ${width}×${height} px; the limit is ${maxSide}×${maxSide} px`,
      {
        details: { width, height, max: maxSide },
      },
    );
  }
  if (width < minSide || height < minSide) {
    throw new AppError(
      'image_too_small',
      `The image is ${width}×${height} px; it must be at least ${minSide}×${minSide} px`,
      {
        details: { width, height, min: minSide },
      },
    );
  }

  let out: { data: Buffer; info: OutputInfo };
  try {
    out = await sharp(buf, { limitInputPixels: maxSide * maxSide, failOn: 'truncated' })
      .rotate() // apply EXIF orientation; the output carries no metadata at all
      .flatten({ background: '#ffffff' })
      .resize(fit, fit, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .webp({ quality: opts.quality ?? IMAGE_LIMITS.webpQuality })
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new AppError('image_corrupt', 'The image data is damaged or incomplete', {
      cause: err,
      details: { type: mime },
    });
  }

  // A very elongated image fits the 1536 px box with a short side below the minimum.
  if (out.info.width < minSide || out.info.height < minSide) {
    throw new AppError(
      'image_too_small',
      `The image is too elongated: resized to fit ${fit} px it would be ${out.info.width}×${out.info.height} px, under ${minSide} px`,
      { details: { width, height, min: minSide } },
    );
  }

  return {
    data: out.data,
    contentType: 'image/webp',
    width: out.info.width,
    height: out.info.height,
    size: out.data.byteLength,
    sha256: createHash('sha256').update(out.data).digest('hex'),
  };
}
