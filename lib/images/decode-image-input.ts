import { AppError } from '@/lib/errors';
import { IMAGE_LIMITS } from './limits';

/**
 * Decodes an image sent inside JSON: a plain base64 string (standard or
 * URL-safe alphabet, whitespace and line breaks ignored) or a `data:` URI
 * with `;base64`. The byte cap is enforced from the string length before
 * anything is allocated. Only the encoding is checked here; whether the bytes
 * are an image is `normalizeImage`'s job.
 */
const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*),/i;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export function decodeImageInput(value: string, opts: { maxBytes?: number } = {}): Buffer {
  const maxBytes = opts.maxBytes ?? IMAGE_LIMITS.maxBytes;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError(
      'invalid_image_encoding',
      'The image is empty: send base64, a data: URI or an https URL',
    );
  }

  let payload = value;
  if (value.slice(0, 5).toLowerCase() === 'data:') {
    const m = DATA_URI.exec(value.slice(0, 200));
    if (!m) throw new AppError('invalid_image_encoding', 'The data: URI is malformed');
    const mediaType = (m[1] ?? '').trim().toLowerCase();
    const params = (m[2] ?? '')
      .toLowerCase()
      .split(';')
      .map((p) => p.trim());
    if (!params.includes('base64')) {
      throw new AppError(
        'invalid_image_encoding',
        'The data: URI must be base64-encoded (data:image/png;base64,...)',
      );
    }
    // An empty media type is allowed (the bytes are sniffed anyway); a non-image one is refused.
    if (
      mediaType !== '' &&
      !mediaType.startsWith('image/') &&
      mediaType !== 'application/octet-stream'
    ) {
      throw new AppError(
        'unsupported_image_type',
        `The data: URI declares ${mediaType}, not an image`,
      );
    }
    payload = value.slice(m[0].length);
  }

  // 4 characters carry 3 bytes; refuse before stripping whitespace or decoding.
  const roughBytes = Math.floor((payload.length * 3) / 4);
  if (roughBytes > maxBytes * 1.05 + 1024) {
    throw new AppError('image_too_large', `The image exceeds ${maxBytes / (1024 * 1024)} MB`, {
      details: { max: maxBytes },
    });
  }

  const compact = payload.replace(/\s+/g, '');
  if (compact === '') throw new AppError('invalid_image_encoding', 'The image data is empty');
  if (!BASE64.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) {
    throw new AppError('invalid_image_encoding', 'The image is not valid base64');
  }
  const bytes = Buffer.from(
    compact,
    compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64',
  );
  if (bytes.byteLength === 0)
    throw new AppError('invalid_image_encoding', 'The image data is empty');
  if (bytes.byteLength > maxBytes) {
    throw new AppError(
      'image_too_large',
      `The image is ${(bytes.byteLength / (1024 * 1024)).toFixed(1)} MB; the limit is ${maxBytes / (1024 * 1024)} MB`,
      {
        details: { size: bytes.byteLength, max: maxBytes },
      },
    );
  }
  return bytes;
}

/** True when an API image field is a URL to fetch rather than inline data. */
export function isImageUrl(value: string): boolean {
  return /^https?:\/\//i.test(value.trim());
}
